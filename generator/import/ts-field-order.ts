// Reads wire declaration order from a TypeScript type alias (JSON Schema output sorts properties,
// TypeScript output keeps them in declaration order). Only the shapes ts-rs and our own emitter
// write are understood: object literals (members separated by `,` or `;`), unions of them, and
// intersections with a parenthesised union.

/** One top-level union member of the alias: its object fields in order, and its literal tags. */
export interface TsChunk {
  fields: string[]
  tags: Record<string, string>
}

export function tsChunks(source: string, typeName: string): TsChunk[] {
  const start = source.indexOf(`export type ${typeName} =`)
  if (start < 0) return []
  const tokens = tokenize(source.slice(start + `export type ${typeName} =`.length))
  const chunks: TsChunk[] = []
  let depth = 0
  let current: TsChunk | undefined
  let objectDepth = -1
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!
    if (tok === ';' && depth === 0) break
    if (tok === '|' && depth === 0) {
      current = undefined
      continue
    }
    if (tok === '{' || tok === '(' || tok === '<' || tok === '[') {
      if (tok === '{' && depth === 0 && current === undefined) {
        current = { fields: [], tags: {} }
        chunks.push(current)
        objectDepth = 1
      }
      depth++
      continue
    }
    if (tok === '}' || tok === ')' || tok === '>' || tok === ']') {
      depth--
      continue
    }
    if (current && depth === objectDepth && (tokens[i - 1] === '{' || tokens[i - 1] === ',' || tokens[i - 1] === ';')) {
      const name = unquote(tok)
      const next = tokens[i + 1] === '?' ? tokens[i + 2] : tokens[i + 1]
      if (name !== undefined && next === ':') {
        current.fields.push(name)
        const value = tokens[i + 2]
        if (tokens[i + 1] === ':' && value?.startsWith('"') && [',', ';', '}'].includes(tokens[i + 3] ?? '')) current.tags[name] = JSON.parse(value) as string
      }
    }
  }
  return chunks
}

function unquote(token: string): string | undefined {
  if (token.startsWith('"')) return JSON.parse(token) as string
  return /^[A-Za-z_$][\w$]*$/.test(token) ? token : undefined
}

function tokenize(text: string): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (/\s/.test(c)) i++
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) + 2
    else if (text.startsWith('//', i)) i = text.indexOf('\n', i) + 1 || text.length
    else if (c === '"') {
      let j = i + 1
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      tokens.push(text.slice(i, j + 1))
      i = j + 1
    } else if (/[\w$]/.test(c)) {
      let j = i
      while (j < text.length && /[\w$]/.test(text[j]!)) j++
      tokens.push(text.slice(i, j))
      i = j
    } else {
      tokens.push(c)
      i++
    }
  }
  return tokens
}
