// The fuzzy-file-search family: finding files and folders by fuzzy name match under given roots,
// either as one request or as a session whose query the client keeps updating.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const FuzzyFileSearchParams = root('FuzzyFileSearchParams', t.object({
  query: t.describe('Text to match against file paths.', t.string()),
  roots: t.describe('Directories to search under.', t.array(t.string())),
  cancellationToken: t.option(t.string(), { description: 'Client-chosen token; a newer search with the same token cancels an older one still running.' }),
}), 'Parameters of `fuzzyFileSearch`, a one-shot fuzzy search for files.')

export const FuzzyFileSearchResponse = root('FuzzyFileSearchResponse', t.object({
  files: t.describe('Matches, best score first.', t.array(t.ref('FuzzyFileSearchResult'))),
}), 'Result of `fuzzyFileSearch`.')

export const FuzzyFileSearchSessionStartParams = root('FuzzyFileSearchSessionStartParams', t.object({
  sessionId: t.describe('Id the client chooses for the session; used by the other session requests and notifications.', t.string()),
  roots: t.describe('Directories to search under.', t.array(t.string())),
}), 'Parameters of the experimental `fuzzyFileSearch/sessionStart`, which opens a search session over some roots.')

export const FuzzyFileSearchSessionStartResponse = root('FuzzyFileSearchSessionStartResponse', t.object({}), 'Result of `fuzzyFileSearch/sessionStart`; empty on success.')

export const FuzzyFileSearchSessionUpdateParams = root('FuzzyFileSearchSessionUpdateParams', t.object({
  sessionId: t.describe('Session to search in.', t.string()),
  query: t.describe('New query text; results arrive as `fuzzyFileSearch/sessionUpdated` notifications.', t.string()),
}), 'Parameters of the experimental `fuzzyFileSearch/sessionUpdate`, which sets the session\'s current query.')

export const FuzzyFileSearchSessionUpdateResponse = root('FuzzyFileSearchSessionUpdateResponse', t.object({}), 'Result of `fuzzyFileSearch/sessionUpdate`; empty on success.')

export const FuzzyFileSearchSessionStopParams = root('FuzzyFileSearchSessionStopParams', t.object({
  sessionId: t.describe('Session to close.', t.string()),
}), 'Parameters of the experimental `fuzzyFileSearch/sessionStop`, which ends a search session.')

export const FuzzyFileSearchSessionStopResponse = root('FuzzyFileSearchSessionStopResponse', t.object({}), 'Result of `fuzzyFileSearch/sessionStop`; empty on success.')

export const FuzzyFileSearchSessionUpdatedNotification = root('FuzzyFileSearchSessionUpdatedNotification', t.object({
  sessionId: t.describe('Session the results belong to.', t.string()),
  query: t.describe('Query the results are for; ignore results for a query that is no longer current.', t.string()),
  files: t.describe('Matches found so far, best score first.', t.array(t.ref('FuzzyFileSearchResult'))),
}), 'Results of a search session for its current query; may be sent several times as the search progresses.')

export const FuzzyFileSearchSessionCompletedNotification = root('FuzzyFileSearchSessionCompletedNotification', t.object({
  sessionId: t.describe('Session whose search finished.', t.string()),
}), 'Tells the client that a search session has finished searching for its current query.')

export const FuzzyFileSearchMatchType = root('FuzzyFileSearchMatchType', t.enum(['file', 'directory']), 'Whether a match is a file or a directory.')

export const FuzzyFileSearchResult = root('FuzzyFileSearchResult', t.object({
  root: t.describe('Search root the match was found under.', t.string()),
  path: t.describe('Path of the match, relative to `root`.', t.string()),
  match_type: t.describe('Whether the match is a file or a directory.', t.ref('FuzzyFileSearchMatchType')),
  file_name: t.describe('Last component of `path`, for display.', t.string()),
  score: t.describe('Match quality; higher is better.', t.uint('uint32')),
  indices: t.option(t.array(t.uint('uint32')), { description: 'Character positions in `path` that matched the query, for highlighting; null when not computed.' }),
}), 'One fuzzy search match.')
