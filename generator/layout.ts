// Where generated output goes, relative to the output root (the repository, or --out DIR). The
// latest supported version keeps the plain paths (fixtures/stable, generated/stable, the
// `./stable` entry point); each older one gets the same layout below a `v<version>` folder.

/** The folder prefix of a version's output: '' for the latest, `v0.169.0/` for older ones. */
export function versionPrefix(version: string, latest: string): string {
  return version === latest ? '' : `v${version}/`
}

export function metaModelFile(version: string, latest: string): string {
  return `generated/${versionPrefix(version, latest)}meta-model.json`
}

/**
 * Folders (and files) the generator owns for the given versions: it writes them and removes what
 * it no longer produces. The whole of generated/ only when every version is generated.
 */
export function ownedPaths(versions: readonly string[], latest: string, all: boolean): string[] {
  const owned: string[] = []
  for (const version of versions) {
    const prefix = versionPrefix(version, latest)
    owned.push(...(prefix ? [`fixtures/${prefix.slice(0, -1)}`] : ['fixtures/stable', 'fixtures/experimental']))
    if (!all) owned.push(...(prefix ? [`generated/${prefix.slice(0, -1)}`] : ['generated/stable', 'generated/experimental', 'generated/meta-model.json']))
  }
  if (all) owned.push('generated')
  return owned
}
