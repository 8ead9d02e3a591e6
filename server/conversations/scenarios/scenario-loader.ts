// Finds a scenario by name (a file `<home>/scenarios/NAME.json`, else a built-in) and checks it
// against the format. A file that does not parse or does not match is one line naming the file,
// the step and the problem; the turn that asked for it fails with that line.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Ajv as AjvInstance, ErrorObject, ValidateFunction } from 'ajv'
import { BUILTIN_SCENARIOS } from './builtin-scenarios.js'
import { Scenario, SCENARIO_VERSION, STEP_SCHEMAS, STEP_TYPES, type StepType } from './scenario-format.js'

export class ScenarioError extends Error {}

/** Scenario names are file names without `.json`: no paths, so a prompt cannot reach outside the folder. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

/** The scenarios of one server: its home's `scenarios/` folder and the built-ins. */
export class ScenarioLibrary {
  private validators: Promise<{ envelope: ValidateFunction; steps: Map<StepType, ValidateFunction> }> | undefined

  constructor(private readonly folder: string) {}

  static ofHome(home: string): ScenarioLibrary {
    return new ScenarioLibrary(join(home, 'scenarios'))
  }

  /** The scenario called `name`: the file in the folder wins over a built-in of the same name. */
  async load(name: string): Promise<Scenario> {
    if (!NAME.test(name)) throw new ScenarioError(`scenario name ${JSON.stringify(name)} is not a file name (letters, digits, '.', '_', '-')`)
    const file = join(this.folder, `${name}.json`)
    let source: string
    try {
      source = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ScenarioError(`scenario ${file}: cannot be read: ${(error as Error).message}`)
      const builtin = BUILTIN_SCENARIOS[name]
      if (builtin) return builtin
      throw new ScenarioError(`no scenario ${JSON.stringify(name)}: neither ${file} nor a built-in (built-ins: ${Object.keys(BUILTIN_SCENARIOS).join(', ')})`)
    }
    return this.parse(source, file)
  }

  /** Checks the text of a scenario; `where` names it in errors. */
  async parse(source: string, where: string): Promise<Scenario> {
    let value: unknown
    try {
      value = JSON.parse(source)
    } catch (error) {
      throw new ScenarioError(`scenario ${where}: not JSON: ${(error as Error).message}`)
    }
    const { envelope, steps } = await this.compiled()
    if (!envelope(value)) throw new ScenarioError(`scenario ${where}: ${describe(envelope.errors)}`)
    const list = (value as { steps: { type: StepType }[] }).steps
    list.forEach((step, index) => {
      const { type } = step
      const validate = steps.get(type)!
      if (!validate(step)) throw new ScenarioError(`scenario ${where}: step ${index + 1} (${type}): ${describe(validate.errors)}`)
    })
    return value as Scenario
  }

  /** Two passes give errors a person can act on: first the envelope and each step's `type`, then each step against its own type. */
  private compiled() {
    this.validators ??= import('ajv').then(({ default: AjvClass }) => {
      const ajv = new (AjvClass as unknown as new (options: object) => AjvInstance)({ strict: false, allErrors: false })
      const envelope = ajv.compile({
        ...Scenario,
        properties: {
          ...Scenario.properties,
          version: { const: SCENARIO_VERSION },
          steps: {
            type: 'array', minItems: 1,
            items: { type: 'object', required: ['type'], properties: { type: { enum: STEP_TYPES } } },
          },
        },
      })
      const steps = new Map(STEP_TYPES.map((type) => [type, ajv.compile(STEP_SCHEMAS[type])] as const))
      return { envelope, steps }
    })
    return this.validators
  }
}

/** The first error, worded with where it is: `/steps/2/type: must be one of …`. */
function describe(errors: ErrorObject[] | null | undefined): string {
  const error = errors?.[0]
  if (!error) return 'does not match the scenario format'
  // `/steps/2/type` → `step 3, type`; within a step, `/changes/0/kind` → `changes.0.kind`.
  const inStep = /^\/steps\/(\d+)(.*)$/.exec(error.instancePath)
  const field = (inStep ? inStep[2]! : error.instancePath).replace(/^\//, '').replaceAll('/', '.')
  const where = [inStep ? `step ${Number(inStep[1]) + 1}` : '', field].filter((part) => part !== '').join(', ')
  const at = where === '' ? '' : `${where}: `
  switch (error.keyword) {
    case 'additionalProperties':
      return `${at}unknown member ${JSON.stringify(error.params.additionalProperty)}`
    case 'enum':
      return `${at}must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`
    case 'const':
      return `${at}must be ${JSON.stringify(error.params.allowedValue)}`
    default:
      return `${at}${error.message ?? 'is not valid'}`
  }
}
