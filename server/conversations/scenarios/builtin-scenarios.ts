// The scenarios every server has, by name (`[[scenario: NAME]]`, `--scenario NAME`). Between them
// they produce every kind of thread item and every server→client request of the protocol; a file
// of the same name in the home's scenarios folder takes precedence. Data only.
import type { Scenario } from './scenario-format.js'

/** A file the file-change scenarios create in the thread's cwd, and remove again. */
const NOTES = 'scenario-notes.txt'

export const BUILTIN_SCENARIOS: Readonly<Record<string, Scenario>> = {
  reasoning: {
    version: 1, description: 'Reasoning (summary in two parts, raw text), then an answer',
    steps: [
      { type: 'reasoning', summary: ['**Reading the request**\n\nThe user wants a short answer.', '**Answering**\n\nOne sentence will do.'], content: ['The question is simple; answer it directly.'] },
      { type: 'message', text: 'Here is a short answer, after some thought.', phase: 'final_answer' },
    ],
  },
  plan: {
    version: 1, description: 'A checklist updated as the work goes, and a plan item',
    steps: [
      {
        type: 'plan', explanation: 'Three steps to get there.',
        steps: [{ step: 'Read the code', status: 'inProgress' }, { step: 'Make the change', status: 'pending' }, { step: 'Run the tests', status: 'pending' }],
      },
      { type: 'message', text: 'I read the code.', phase: 'commentary' },
      { type: 'plan', steps: [{ step: 'Read the code', status: 'completed' }, { step: 'Make the change', status: 'completed' }, { step: 'Run the tests', status: 'inProgress' }] },
      { type: 'message', text: 'Here is the plan.\n', phase: 'final_answer', plan: '# Plan\n\n1. Read the code.\n2. Make the change.\n3. Run the tests.\n' },
      { type: 'plan', text: '# Follow-up\n\n1. Ask for review.\n' },
    ],
  },
  command: {
    version: 1, description: 'A command run for real after approval, then one with canned output that needs none',
    steps: [
      { type: 'command', command: 'echo hello from a scenario' },
      { type: 'command', command: 'git status --short', approval: 'none', output: ' M README.md\n', exitCode: 0 },
      { type: 'message', text: 'Both commands ran.' },
    ],
  },
  'file-change': {
    version: 1, description: `Adds ${NOTES} in the cwd, updates it and deletes it, each after approval; the turn's diff follows each`,
    steps: [
      { type: 'fileChange', reason: 'The agent wants to add a file.', changes: [{ path: NOTES, kind: 'add', content: 'first line\n' }] },
      { type: 'fileChange', changes: [{ path: NOTES, kind: 'update', content: 'first line\nsecond line\n' }] },
      { type: 'fileChange', approval: 'none', changes: [{ path: NOTES, kind: 'delete' }] },
      { type: 'message', text: 'The file came and went.' },
    ],
  },
  permissions: {
    version: 1, description: 'The agent asks for network access and a folder to write',
    steps: [
      { type: 'permissions', reason: 'To download the dependencies.', network: true, write: ['/tmp/scenario-cache'], reply: 'Granted: {{answer}}' },
    ],
  },
  'user-input': {
    version: 1, description: 'The agent asks the user two questions',
    steps: [
      {
        type: 'userInput', reply: 'You answered {{answer}}.',
        questions: [
          { id: 'color', header: 'Color', question: 'Which color should the button be?', options: [{ label: 'Blue', description: 'The brand color' }, { label: 'Green', description: 'Stands out' }] },
          { id: 'name', header: 'Name', question: 'What should the button say?', isOther: true },
        ],
      },
    ],
  },
  'dynamic-tool': {
    version: 1, description: 'The agent calls the first tool the client gave to thread/start (dynamicTools); its result goes into the reply',
    steps: [{ type: 'dynamicTool', arguments: { query: 'scenario' }, reply: 'The tool said: {{answer}}' }],
  },
  'mcp-tool': {
    version: 1, description: 'An MCP tool call that reports progress and whose server asks the user to fill a form',
    steps: [
      {
        type: 'mcpTool', server: 'docs', tool: 'search', arguments: { query: 'scenarios' }, progress: ['searching', 'found 2 pages'],
        elicitation: { message: 'Which project should be searched?' }, result: [{ type: 'text', text: '2 pages found' }],
      },
      { type: 'message', text: 'The MCP tool answered.' },
    ],
  },
  items: {
    version: 1, description: 'One of each remaining item kind: hook prompt, web search, image view and generation, tool output, sub-agent, sleep, compaction',
    steps: [
      { type: 'hookPrompt', text: 'Remember to keep answers short.' },
      { type: 'webSearch', query: 'codex app-server protocol' },
      { type: 'imageView', path: '/tmp/scenario-screenshot.png' },
      { type: 'imageGeneration', revisedPrompt: 'A small transparent square' },
      { type: 'functionCallOutput', name: 'lookup', output: 'no results' },
      { type: 'subAgent', prompt: 'Check the tests.', message: 'All tests pass.' },
      { type: 'sleep', ms: 10 },
      { type: 'compaction' },
      { type: 'message', text: 'That was every kind of item.' },
    ],
  },
  review: {
    version: 1, description: 'Review mode entered and left, with findings',
    steps: [
      { type: 'review', review: 'current changes', result: 'No issues found.' },
      { type: 'message', text: 'The review is done.' },
    ],
  },
  retry: {
    version: 1, description: 'The stream breaks twice and is retried, then the answer comes',
    steps: [{ type: 'retry', count: 2 }, { type: 'message', text: 'Third time lucky.' }],
  },
  fail: {
    version: 1, description: 'The turn fails: the usage limit is reached',
    steps: [{ type: 'reasoning', summary: ['Starting.'] }, { type: 'fail', message: 'You have hit your usage limit.', code: 'usageLimitExceeded' }],
  },
  account: {
    version: 1, description: 'Account traffic: a token refresh, an attestation, a clock read, a reroute, rate limits and usage figures',
    steps: [
      { type: 'attestation' },
      { type: 'refreshAuth' },
      { type: 'reroute', toModel: 'gpt-5.5-mini' },
      { type: 'readClock' },
      { type: 'rateLimits', usedPercent: 42, windowMinutes: 300, secondaryUsedPercent: 7 },
      { type: 'usage', inputTokens: 1200, cachedInputTokens: 800, outputTokens: 300, reasoningOutputTokens: 120 },
      { type: 'message', text: 'Account figures reported.' },
    ],
  },
  legacy: {
    version: 1, description: 'The v1 approval requests (execCommandApproval, applyPatchApproval) codex sends to threads of its old API',
    steps: [
      { type: 'command', command: 'echo legacy', approval: 'legacy', output: 'legacy\n' },
      { type: 'fileChange', approval: 'legacy', changes: [{ path: NOTES, kind: 'add', content: 'legacy\n' }] },
      { type: 'fileChange', approval: 'none', changes: [{ path: NOTES, kind: 'delete' }] },
      { type: 'message', text: 'Both legacy approvals were asked.' },
    ],
  },
}
