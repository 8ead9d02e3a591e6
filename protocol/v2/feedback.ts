// The feedback family: send user feedback (optionally with logs and a thread's session) to the
// Codex team, or save the same bundle to a local ZIP file instead.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const FeedbackUploadParams = v2('FeedbackUploadParams', t.object({
  classification: t.describe('Category the user picked for the feedback (a free-form string such as `bug`).', t.string()),
  reason: t.option(t.string(), { description: 'Free-text comment from the user.' }),
  threadId: t.option(t.string(), { description: 'Thread the feedback is about, if any.' }),
  includeLogs: t.optional(t.describe('Whether to attach server logs and the thread\'s session files (default false).', t.boolean())),
  extraLogFiles: t.option(t.array(t.string()), { description: 'Paths of further log files to attach.' }),
  tags: t.option(t.map(t.string()), { description: 'Extra key/value tags recorded with the report.' }),
}), 'Parameters of `feedback/upload`: a feedback report to send.')

export const FeedbackUploadResponse = v2('FeedbackUploadResponse', t.object({
  threadId: t.describe('Id the report is filed under; the sent `threadId` when there was one.', t.string()),
  promptHash: t.option(t.string(), { default: null, description: 'SHA-256 of the session\'s base instructions (whitespace normalized), as tagged on the report; null when the session has no prompt metadata.' }),
}), 'Result of `feedback/upload`.')

export const FeedbackSaveParams = v2('FeedbackSaveParams', t.object({
  savePath: t.describe('Absolute path on the server host of a ZIP file to create; it must not exist yet, and the caller owns the file afterwards.', t.ref('LegacyAppPathString')),
  classification: t.describe('Category the user picked for the feedback (a free-form string such as `bug`).', t.string()),
  reason: t.option(t.string(), { description: 'Free-text comment from the user.' }),
  threadId: t.option(t.string(), { description: 'Thread the feedback is about, if any.' }),
  includeLogs: t.optional(t.describe('Whether to include server logs and the thread\'s session files (default false).', t.boolean())),
  extraLogFiles: t.option(t.array(t.string()), { description: 'Paths of further log files to include.' }),
  tags: t.option(t.map(t.string()), { description: 'Extra key/value tags recorded with the report.' }),
}), 'Parameters of `feedback/save`: the same report as `feedback/upload`, written to a local ZIP file instead of being sent.')

export const FeedbackSaveResponse = v2('FeedbackSaveResponse', t.object({
  savedPath: t.describe('Path of the ZIP file that was written.', t.ref('LegacyAppPathString')),
  threadId: t.describe('Id the report is filed under; the sent `threadId` when there was one.', t.string()),
  promptHash: t.option(t.string(), { description: 'SHA-256 of the session\'s base instructions, as in `feedback/upload`; null when the session has no prompt metadata.' }),
}), 'Result of `feedback/save`.')
