// The codex releases these definitions describe: the one place that pins them. Oldest first; the
// last is the latest, the default everywhere (fixtures/stable, the `./stable` entry point, the
// reference server). Retargeting to a new release starts here (see docs/retarget.md).
export const SUPPORTED_VERSIONS = ['0.169.0', '0.171.0'] as const

export type CodexVersion = (typeof SUPPORTED_VERSIONS)[number]

export const LATEST_VERSION: CodexVersion = SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]!
