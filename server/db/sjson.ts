// FerretDB v1's storage format on PostgreSQL ("sjson", internal/handler/sjson in FerretDB v1.24.2):
// each document is one jsonb value holding the fields as JSON plus `$s`, a schema naming every
// field's BSON type (and the field order in `$k`). Written here so that bulk seeding can insert
// rows directly (server/db/directWrites.ts); the types are those the Node driver would send:
// an integer within int32 is `int`, any other number `double`, a bigint `long`.

const T = {
  string: '{"t":"string"}',
  int: '{"t":"int"}',
  long: '{"t":"long"}',
  double: '{"t":"double"}',
  bool: '{"t":"bool"}',
  date: '{"t":"date"}',
  null: '{"t":"null"}',
  objectId: '{"t":"objectId"}',
} as const;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

interface Options {
  /** As the driver's `ignoreUndefined`: an undefined field is left out (true) or stored as null. */
  ignoreUndefined: boolean;
}

/** [schema, value] of one value, both as JSON text; null for a field the driver would leave out. */
function encode(v: unknown, o: Options): [string, string] | null {
  switch (typeof v) {
    case 'string':
      return [T.string, JSON.stringify(v)];
    case 'boolean':
      return [T.bool, v ? 'true' : 'false'];
    case 'number':
      if (Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX && !Object.is(v, -0)) return [T.int, String(v)];
      if (!Number.isFinite(v)) throw new Error(`sjson: ${v} cannot be stored`);
      return [T.double, JSON.stringify(v)];
    case 'bigint':
      return [T.long, v.toString()];
    case 'undefined':
      return o.ignoreUndefined ? null : [T.null, 'null'];
    case 'function':
    case 'symbol':
      return null;
  }
  if (v === null) return [T.null, 'null'];
  if (v instanceof Date) return [T.date, String(v.getTime())];
  if (Array.isArray(v)) {
    const schemas: string[] = [];
    const values: string[] = [];
    for (const item of v) {
      // In an array the driver stores undefined as null whatever `ignoreUndefined` says.
      const [s, x] = encode(item, o) ?? [T.null, 'null'];
      schemas.push(s);
      values.push(x);
    }
    return [`{"t":"array","i":[${schemas.join(',')}]}`, `[${values.join(',')}]`];
  }
  const bson = (v as { _bsontype?: string })._bsontype;
  if (bson === 'ObjectId') return [T.objectId, `"${(v as { toHexString(): string }).toHexString()}"`];
  if (bson) throw new Error(`sjson: BSON type ${bson} is not written directly`);
  const [schema, value] = object(v as Record<string, unknown>, o);
  return [`{"t":"object","$s":${schema}}`, value];
}

/** A (sub)document's schema and value. */
function object(doc: Record<string, unknown>, o: Options, idFirst = false): [string, string] {
  const keys = Object.keys(doc);
  if (idFirst && keys.includes('_id')) keys.sort((a, b) => Number(b === '_id') - Number(a === '_id'));
  const props: string[] = [];
  const values: string[] = [];
  const kept: string[] = [];
  for (const k of keys) {
    const e = encode(doc[k], o);
    if (!e) continue;
    const key = JSON.stringify(k);
    kept.push(key);
    props.push(`${key}:${e[0]}`);
    values.push(`${key}:${e[1]}`);
  }
  if (!kept.length) return ['{}', '{}'];
  return [`{"p":{${props.join(',')}},"$k":[${kept.join(',')}]}`, `{${values.join(',')}}`];
}

/** One document as FerretDB stores it: `_id` first, as FerretDB puts it. */
export function toSjson(doc: Record<string, unknown>, o: Options): string {
  if (doc._id === undefined) throw new Error('sjson: a document written directly needs its _id');
  const [schema, value] = object(doc, o, true);
  return `{"$s":${schema},${value.slice(1)}`;
}
