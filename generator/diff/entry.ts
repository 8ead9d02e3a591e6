// What bin/protocol-diff.js runs: the CLI with this repository's layout of committed versions.
import { META_MODEL_FILE } from '../layout.js'
import type { VersionLayout } from './sources.js'
import { BUNDLE_FILE } from './sources.js'
export { main } from './cli.js'

export const DEFAULT_LAYOUT: VersionLayout = {
  supported: ['0.169.0'],
  fixtures: (_version, variant) => `fixtures/${variant}/${BUNDLE_FILE}`,
  metaModel: () => META_MODEL_FILE,
}
