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

// The schema and value of the last value encoded: set by `encode` and `object` instead of returned in
// a pair, which allocated an array for every field of every row (the demo seed encodes 166 MB).
let schemaOut = '';
let valueOut = '';

/** Sets the schema and value of one value, both as JSON text; false for a field the driver would leave out. */
function encode(v: unknown, o: Options): boolean {
  switch (typeof v) {
    case 'string':
      schemaOut = T.string;
      valueOut = JSON.stringify(v);
      return true;
    case 'boolean':
      schemaOut = T.bool;
      valueOut = v ? 'true' : 'false';
      return true;
    case 'number':
      if (Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX && !Object.is(v, -0)) {
        schemaOut = T.int;
        valueOut = String(v);
        return true;
      }
      if (!Number.isFinite(v)) throw new Error(`sjson: ${v} cannot be stored`);
      schemaOut = T.double;
      valueOut = JSON.stringify(v);
      return true;
    case 'bigint':
      schemaOut = T.long;
      valueOut = v.toString();
      return true;
    case 'undefined':
      if (o.ignoreUndefined) return false;
      schemaOut = T.null;
      valueOut = 'null';
      return true;
    case 'function':
    case 'symbol':
      return false;
  }
  if (v === null) {
    schemaOut = T.null;
    valueOut = 'null';
    return true;
  }
  if (v instanceof Date) {
    schemaOut = T.date;
    valueOut = String(v.getTime());
    return true;
  }
  if (Array.isArray(v)) {
    let schemas = '';
    let values = '';
    for (let i = 0; i < v.length; i++) {
      // In an array the driver stores undefined as null whatever `ignoreUndefined` says.
      if (!encode(v[i], o)) {
        schemaOut = T.null;
        valueOut = 'null';
      }
      schemas += i ? ',' + schemaOut : schemaOut;
      values += i ? ',' + valueOut : valueOut;
    }
    schemaOut = `{"t":"array","i":[${schemas}]}`;
    valueOut = `[${values}]`;
    return true;
  }
  const bson = (v as { _bsontype?: string })._bsontype;
  if (bson === 'ObjectId') {
    schemaOut = T.objectId;
    valueOut = `"${(v as { toHexString(): string }).toHexString()}"`;
    return true;
  }
  if (bson) throw new Error(`sjson: BSON type ${bson} is not written directly`);
  object(v as Record<string, unknown>, o);
  schemaOut = `{"t":"object","$s":${schemaOut}}`;
  return true;
}

/** Sets a (sub)document's schema and value. */
function object(doc: Record<string, unknown>, o: Options, idFirst = false): void {
  const keys = Object.keys(doc);
  if (idFirst && keys.includes('_id')) keys.sort((a, b) => Number(b === '_id') - Number(a === '_id'));
  let props = '';
  let values = '';
  let kept = '';
  for (const k of keys) {
    if (!encode(doc[k], o)) continue;
    const key = JSON.stringify(k);
    if (kept) {
      kept += ',' + key;
      props += ',' + key + ':' + schemaOut;
      values += ',' + key + ':' + valueOut;
    } else {
      kept = key;
      props = key + ':' + schemaOut;
      values = key + ':' + valueOut;
    }
  }
  if (!kept) {
    schemaOut = '{}';
    valueOut = '{}';
    return;
  }
  schemaOut = `{"p":{${props}},"$k":[${kept}]}`;
  valueOut = `{${values}}`;
}

/** One document as FerretDB stores it: `_id` first, as FerretDB puts it. */
export function toSjson(doc: Record<string, unknown>, o: Options): string {
  if (doc._id === undefined) throw new Error('sjson: a document written directly needs its _id');
  object(doc, o, true);
  return `{"$s":${schemaOut},${valueOut.slice(1)}`;
}
