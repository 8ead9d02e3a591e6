// The folders a per-folder listing (hooks, skills) answers for.

/** The folders as the client gave them; none means the server's working folder. */
export function foldersOrServerCwd(cwds: string[] | undefined): string[] {
  return cwds !== undefined && cwds.length > 0 ? cwds : [process.cwd()]
}
