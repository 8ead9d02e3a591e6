// Where generated output goes, relative to the output root (the repository, or --out DIR).

/** Folders the generator owns entirely: it writes them and removes what it no longer produces. */
export const OWNED_FOLDERS = ['fixtures/stable', 'fixtures/experimental', 'generated'] as const
export const META_MODEL_FILE = 'generated/meta-model.json'
