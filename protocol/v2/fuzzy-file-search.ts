// The fuzzy-file-search family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const FuzzyFileSearchParams = root('FuzzyFileSearchParams', t.object({
  query: t.string(),
  roots: t.array(t.string()),
  cancellationToken: t.option(t.string()),
}))

export const FuzzyFileSearchResponse = root('FuzzyFileSearchResponse', t.object({
  files: t.array(t.ref('FuzzyFileSearchResult')),
}))

export const FuzzyFileSearchSessionStartParams = root('FuzzyFileSearchSessionStartParams', t.object({
  sessionId: t.string(),
  roots: t.array(t.string()),
}))

export const FuzzyFileSearchSessionStartResponse = root('FuzzyFileSearchSessionStartResponse', t.object({}))

export const FuzzyFileSearchSessionUpdateParams = root('FuzzyFileSearchSessionUpdateParams', t.object({
  sessionId: t.string(),
  query: t.string(),
}))

export const FuzzyFileSearchSessionUpdateResponse = root('FuzzyFileSearchSessionUpdateResponse', t.object({}))

export const FuzzyFileSearchSessionStopParams = root('FuzzyFileSearchSessionStopParams', t.object({
  sessionId: t.string(),
}))

export const FuzzyFileSearchSessionStopResponse = root('FuzzyFileSearchSessionStopResponse', t.object({}))

export const FuzzyFileSearchSessionUpdatedNotification = root('FuzzyFileSearchSessionUpdatedNotification', t.object({
  sessionId: t.string(),
  query: t.string(),
  files: t.array(t.ref('FuzzyFileSearchResult')),
}))

export const FuzzyFileSearchSessionCompletedNotification = root('FuzzyFileSearchSessionCompletedNotification', t.object({
  sessionId: t.string(),
}))

export const FuzzyFileSearchMatchType = root('FuzzyFileSearchMatchType', t.enum(['file', 'directory']))

export const FuzzyFileSearchResult = root('FuzzyFileSearchResult', t.object({
  root: t.string(),
  path: t.string(),
  match_type: t.ref('FuzzyFileSearchMatchType'),
  file_name: t.string(),
  score: t.uint('uint32'),
  indices: t.option(t.array(t.uint('uint32'))),
}))
