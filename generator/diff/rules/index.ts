// The catalog of change rules, one per file. Every raw change is judged by exactly one rule.
import type { Rule } from '../rule.js'
import { rule as armAdded } from './arm-added.js'
import { rule as armAddedToOpenUnion } from './arm-added-to-open-union.js'
import { rule as armRemoved } from './arm-removed.js'
import { rule as demotedToExperimental } from './demoted-to-experimental.js'
import { rule as fieldAddedOptional } from './field-added-optional.js'
import { rule as fieldAddedRequired } from './field-added-required.js'
import { rule as fieldBecameOptional } from './field-became-optional.js'
import { rule as fieldBecameRequired } from './field-became-required.js'
import { rule as fieldRemoved } from './field-removed.js'
import { rule as methodAdded } from './method-added.js'
import { rule as methodParamsChanged } from './method-params-changed.js'
import { rule as methodRemoved } from './method-removed.js'
import { rule as methodResultChanged } from './method-result-changed.js'
import { rule as nullableAdded } from './nullable-added.js'
import { rule as nullableRemoved } from './nullable-removed.js'
import { rule as promotedToStable } from './promoted-to-stable.js'
import { rule as shapeChanged } from './shape-changed.js'
import { rule as typeAdded } from './type-added.js'
import { rule as typeRemoved } from './type-removed.js'
import { rule as valueAdded } from './value-added.js'
import { rule as valueAddedToOpenUnion } from './value-added-to-open-union.js'
import { rule as valueRemoved } from './value-removed.js'

export const RULES: readonly Rule[] = [
  methodAdded, methodRemoved, methodParamsChanged, methodResultChanged,
  typeAdded, typeRemoved,
  fieldAddedRequired, fieldAddedOptional, fieldRemoved, fieldBecameRequired, fieldBecameOptional,
  valueAdded, valueAddedToOpenUnion, valueRemoved, armAdded, armAddedToOpenUnion, armRemoved, nullableAdded, nullableRemoved, shapeChanged,
  demotedToExperimental, promotedToStable,
]
