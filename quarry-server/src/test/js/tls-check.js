// One query over https through @rockset/client, trusting the test's certificate through
// NODE_EXTRA_CA_CERTS. Run by quarry.server.http.JsClientTest; prints "ok tls" or "not ok tls: …".
'use strict';

const rockset = require('@rockset/client').default(process.env.ROCKSET_APIKEY, process.env.ROCKSET_APISERVER);

rockset.queries.query({ sql: { query: "SELECT 'over tls' AS s" } })
  .then((r) => {
    if (r.results.length === 1 && r.results[0].s === 'over tls') {
      console.log('ok tls');
    } else {
      console.log('not ok tls: ' + JSON.stringify(r));
      process.exit(1);
    }
  })
  .catch((e) => {
    console.log('not ok tls: ' + (e instanceof Error ? e.message : JSON.stringify(e)));
    process.exit(1);
  });
