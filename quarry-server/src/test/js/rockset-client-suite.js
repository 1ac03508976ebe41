// Drives a running quarry server through the official JS client @rockset/client.
// Run by quarry.server.http.JsClientTest with ROCKSET_APIKEY and ROCKSET_APISERVER set and
// NODE_PATH pointing at the node_modules the test installed. Prints one line per check:
// "ok <name>" or "not ok <name>: <reason>", then exits 1 if any check failed.
'use strict';

const assert = require('node:assert/strict');
const rockset = require('@rockset/client').default(process.env.ROCKSET_APIKEY, process.env.ROCKSET_APISERVER);

const ws = 'js_' + Math.random().toString(36).slice(2, 8);
const checks = [];
const check = (name, fn) => checks.push([name, fn]);

/** The error a call rejects with (the client throws the parsed error body), or fails when it succeeds. */
async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected the call to fail');
}

const sql = (query, parameters) => rockset.queries.query({ sql: { query, parameters } });

check('workspace is created and fetched', async () => {
  const created = await rockset.workspaces.createWorkspace({ name: ws, description: 'js client' });
  assert.equal(created.data.name, ws);
  const got = await rockset.workspaces.getWorkspace(ws);
  assert.equal(got.data.description, 'js client');
});

check('collection is created, then ready and listed', async () => {
  const created = await rockset.collections.createCollection(ws, { name: 'people' });
  assert.equal(created.data.status, 'CREATED');
  const got = await rockset.collections.getCollection(ws, 'people');
  assert.equal(got.data.status, 'READY');
  const listed = await rockset.collections.workspaceCollections(ws);
  assert.deepEqual(listed.data.map((c) => c.name), ['people']);
});

check('documents are added, patched and deleted', async () => {
  const added = await rockset.documents.addDocuments(ws, 'people', {
    data: [{ _id: 'a', name: 'ann', age: 31 }, { _id: 'b', name: 'bob', age: 42 }, { name: 'cy', age: 17 }],
  });
  assert.deepEqual(added.data.map((d) => d.status), ['ADDED', 'ADDED', 'ADDED']);
  assert.ok(added.data[2]._id, 'a generated _id comes back');
  assert.ok(added.last_offset);
  const patched = await rockset.documents.patchDocuments(ws, 'people', {
    data: [{ _id: 'a', patch: [{ op: 'replace', path: '/age', value: 32 }] }],
  });
  assert.equal(patched.data[0].status, 'PATCHED');
  const deleted = await rockset.documents.deleteDocuments(ws, 'people', { data: [{ _id: 'b' }] });
  assert.equal(deleted.data[0].status, 'DELETED');
  const r = await sql(`SELECT _id, age FROM ${ws}.people ORDER BY age`);
  assert.deepEqual(r.results.map((x) => [x.age]), [[17], [32]]);
});

check('query returns results, column_fields and named parameters', async () => {
  const r = await sql('SELECT :n + 1 AS next, :s AS s', [
    { name: 'n', type: 'int', value: '41' },
    { name: 's', type: 'string', value: 'hi' },
  ]);
  assert.equal(r.status, 'COMPLETED');
  assert.deepEqual(r.results, [{ next: 42, s: 'hi' }]);
  assert.deepEqual(r.column_fields.map((f) => f.name), ['next', 's']);
  assert.ok(r.query_id);
});

check('count(*) is named ?count', async () => {
  const r = await sql(`SELECT count(*) FROM ${ws}.people`);
  assert.deepEqual(r.results, [{ '?count': 2 }]);
});

check('a bad query rejects with QUERY_ERROR and its position', async () => {
  const e = await rejection(sql('SELECT COUT(*) FROM _events'));
  assert.equal(e.type, 'QUERY_ERROR');
  assert.equal(e.line, 1);
  assert.ok(e.message.includes('COUT'), e.message);
});

check('async query is fetched by id and paged', async () => {
  const started = await rockset.queries.query({ sql: { query: `SELECT name FROM ${ws}.people ORDER BY name` }, async: true });
  assert.ok(started.query_id);
  let info;
  for (let i = 0; i < 200; i++) {
    info = await rockset.queries.getQuery(started.query_id);
    if (info.data.status === 'COMPLETED') break;
    await new Promise((res) => setTimeout(res, 25));
  }
  assert.equal(info.data.status, 'COMPLETED');
  const page = await rockset.queries.getQueryResults(started.query_id);
  assert.deepEqual(page.results.map((x) => x.name), ['ann', 'cy']);
});

check('view is created, queried, updated and deleted', async () => {
  const v = await rockset.views.createView(ws, { name: 'adults', query: `SELECT * FROM ${ws}.people WHERE people.age >= 18` });
  assert.equal(v.data.name, 'adults');
  assert.deepEqual(v.data.entities, [`${ws}.people`]);
  assert.deepEqual((await sql(`SELECT name FROM ${ws}.adults`)).results, [{ name: 'ann' }]);
  await rockset.views.updateView(ws, 'adults', { query: `SELECT * FROM ${ws}.people WHERE people.age < 18` });
  assert.deepEqual((await sql(`SELECT name FROM ${ws}.adults`)).results, [{ name: 'cy' }]);
  assert.deepEqual((await rockset.views.workspaceViews(ws)).data.map((x) => x.name), ['adults']);
  const gone = await rockset.views.deleteView(ws, 'adults');
  assert.equal(gone.data.state, 'DELETED');
  const e = await rejection(rockset.views.getView(ws, 'adults'));
  assert.equal(e.type, 'NOTFOUND');
});

check('alias is created, queried, repointed and deleted', async () => {
  await rockset.collections.createCollection(ws, { name: 'people2' });
  await rockset.documents.addDocuments(ws, 'people2', { data: [{ _id: 'z', name: 'zed' }] });
  const a = await rockset.aliases.createAlias(ws, { name: 'current', collections: [`${ws}.people`] });
  assert.deepEqual(a.data.collections, [`${ws}.people`]);
  assert.equal((await sql(`SELECT count(*) AS n FROM ${ws}.current`)).results[0].n, 2);
  await rockset.aliases.updateAlias(ws, 'current', { collections: [`${ws}.people2`] });
  assert.deepEqual((await sql(`SELECT name FROM ${ws}.current`)).results, [{ name: 'zed' }]);
  assert.equal((await rockset.aliases.getAlias(ws, 'current')).data.collections[0], `${ws}.people2`);
  await rockset.aliases.deleteAlias(ws, 'current');
  assert.equal((await rejection(rockset.aliases.getAlias(ws, 'current'))).type, 'NOTFOUND');
});

check('query lambda runs with its default parameter and with an override', async () => {
  const created = await rockset.queryLambdas.createQueryLambda(ws, {
    name: 'echo',
    sql: { query: 'SELECT :param AS echo', default_parameters: [{ name: 'param', type: 'string', value: 'default' }] },
  });
  const version = created.data.version;
  assert.match(version, /^[0-9a-f]{16}$/);
  const byDefault = await rockset.queryLambdas.executeQueryLambda(ws, 'echo', version);
  assert.deepEqual(byDefault.results, [{ echo: 'default' }]);
  assert.equal(byDefault.query_lambda_path, `${ws}.echo::${version}`);
  const overridden = await rockset.queryLambdas.executeQueryLambda(ws, 'echo', version, {
    parameters: [{ name: 'param', type: 'string', value: 'override' }],
  });
  assert.deepEqual(overridden.results, [{ echo: 'override' }]);
});

check('query lambda versions, tags and latest', async () => {
  const v1 = (await rockset.queryLambdas.getQueryLambdaTagVersion(ws, 'echo', 'latest')).data.version.version;
  const v2 = (await rockset.queryLambdas.updateQueryLambda(ws, 'echo', {
    sql: { query: "SELECT 'two' AS echo" },
  })).data.version;
  assert.notEqual(v1, v2);
  assert.equal((await rockset.queryLambdas.getQueryLambdaTagVersion(ws, 'echo', 'latest')).data.version.version, v2);
  await rockset.queryLambdas.createQueryLambdaTag(ws, 'echo', { tag_name: 'stable', version: v1 });
  const stable = await rockset.queryLambdas.executeQueryLambdaByTag(ws, 'echo', 'stable');
  assert.deepEqual(stable.results, [{ echo: 'default' }]);
  const latest = await rockset.queryLambdas.executeQueryLambdaByTag(ws, 'echo', 'latest');
  assert.deepEqual(latest.results, [{ echo: 'two' }]);
  const versions = await rockset.queryLambdas.listQueryLambdaVersions(ws, 'echo');
  assert.deepEqual(versions.data.map((v) => v.version), [v2, v1]);
  const tags = await rockset.queryLambdas.listQueryLambdaTags(ws, 'echo');
  assert.deepEqual(tags.data.map((t) => t.tag_name), ['latest', 'stable']);
  assert.equal((await rockset.queryLambdas.getQueryLambdaVersion(ws, 'echo', v1)).data.sql.query, 'SELECT :param AS echo');
  await rockset.queryLambdas.deleteQueryLambdaTag(ws, 'echo', 'stable');
  await rockset.queryLambdas.deleteQueryLambdaVersion(ws, 'echo', v2);
  assert.equal((await rockset.queryLambdas.getQueryLambdaTagVersion(ws, 'echo', 'latest')).data.version.version, v1);
});

check('query lambdas are listed, deleted, and then not found', async () => {
  const inWs = await rockset.queryLambdas.listQueryLambdasInWorkspace(ws);
  assert.deepEqual(inWs.data.map((l) => [l.name, l.version_count]), [['echo', 1]]);
  const all = await rockset.queryLambdas.listAllQueryLambdas();
  assert.ok(all.data.some((l) => l.workspace === ws && l.name === 'echo'));
  await rockset.queryLambdas.deleteQueryLambda(ws, 'echo');
  const e = await rejection(rockset.queryLambdas.listQueryLambdaVersions(ws, 'echo'));
  assert.equal(e.message, `Query Lambda "echo" not found in workspace "${ws}".`);
});

check('collections and the workspace are deleted', async () => {
  await rockset.collections.deleteCollection(ws, 'people');
  await rockset.collections.deleteCollection(ws, 'people2');
  const e = await rejection(rockset.collections.getCollection(ws, 'people'));
  assert.equal(e.message, `Collection "people" does not exist in workspace "${ws}"`);
  await rockset.workspaces.deleteWorkspace(ws);
  assert.equal((await rejection(rockset.workspaces.getWorkspace(ws))).type, 'NOTFOUND');
});

(async () => {
  let failed = 0;
  for (const [name, fn] of checks) {
    try {
      await fn();
      console.log(`ok ${name}`);
    } catch (e) {
      failed++;
      const reason = e instanceof Error ? e.message : JSON.stringify(e);
      console.log(`not ok ${name}: ${reason.replace(/\s+/g, ' ')}`);
    }
  }
  process.exit(failed === 0 ? 0 : 1);
})();
