// Validates a batch's datapackage.json with the Frictionless JavaScript libraries: the
// descriptor against the Tabular Data Package profile, then every row of every resource
// read and cast against its Table Schema (types, constraints, primary and foreign keys).
// Independent of the kiosk: what an open-data portal's validator would say.
//
// usage: node validate.js <batch dir>/datapackage.json
// Prints one line per resource; exits 1 with the errors when anything is invalid.
'use strict';
const path = require('path');
const { Package } = require('datapackage');

async function main(descriptorPath) {
  const basePath = path.dirname(path.resolve(descriptorPath));
  const pkg = await Package.load(path.resolve(descriptorPath), { basePath, strict: false });
  if (!pkg.valid) {
    for (const e of pkg.errors) console.error(`descriptor: ${e.message}`);
    return 1;
  }
  let failures = 0;
  for (const resource of pkg.resources) {
    if (!resource.tabular) {
      console.error(`${resource.name}: not tabular`);
      failures++;
      continue;
    }
    try {
      // cast: every value through its field's type and constraints; relations: the foreign keys.
      const rows = await resource.read({ keyed: true, cast: true, relations: true });
      console.log(`${resource.name}: ${rows.length} rows valid`);
    } catch (error) {
      failures++;
      const errors = error.errors && error.errors.length ? error.errors : [error];
      for (const e of errors.slice(0, 10))
        console.error(`${resource.name}: ${e.rowNumber ? 'row ' + e.rowNumber + ': ' : ''}${e.message}`);
    }
  }
  return failures ? 1 : 0;
}

main(process.argv[2]).then((code) => process.exit(code), (error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
