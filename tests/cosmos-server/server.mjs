// The local Cosmos DB protocol server the tests start: @vercel/cosmosdb-server plus a working change feed.
//
// The package answers the incremental change feed wrongly (the first read returns every document with etag "1",
// every later read with If-None-Match is a 304), so the SDK's ChangeFeedProcessor never sees a second write.
// This wrapper stamps every document write with a monotonically increasing logical sequence number (_lsn, as
// real Cosmos DB does) and answers document change-feed reads itself, in latest-version mode like the service:
//   If-None-Match absent = from the beginning, "*" = from now, otherwise the last LSN the reader saw;
//   x-ms-documentdb-partitionkey narrows to one logical partition; x-ms-max-item-count pages;
//   the etag of a page is the LSN of its last document; nothing new = 304 with the current LSN.
// The server has one partition key range, so the range header selects everything. Test-only: real Cosmos DB
// never sees this. Usage: node server.mjs --host 127.0.0.1 --port 8181 [--log]; --port 0 takes any free port, and the
// "Ready to accept" line says which.
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";

const require = createRequire(import.meta.url);
const cosmos = require("@vercel/cosmosdb-server");
const accountModule = require("@vercel/cosmosdb-server/lib/account");
const documentsModule = require("@vercel/cosmosdb-server/lib/account/documents");
const resourceIdModule = require("@vercel/cosmosdb-server/lib/account/resource-id");

// Resource ids are base64 with '-' for '/' (as the service writes them): the SDK puts them into URL paths. The
// package writes a plain '/', so once a server holds enough databases (a whole test run on one server) a rid
// holds a '/' and rid-addressed requests such as the SDK's partition key range reads answer 404.
const ResourceId = resourceIdModule.default;
ResourceId.toBase64String = buffer => buffer.toString("base64").replace(/\//g, "-");
ResourceId.fromBase64String = text => Buffer.from(text.replace(/-/g, "/"), "base64");

const args = process.argv.slice(2);
const option = name => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const host = option("--host") ?? "127.0.0.1";
const port = parseInt(option("--port") ?? "8181", 10);
// --log (or COSMOS_SERVER_LOG=file) prints each request line with its change-feed headers: what the SDK really sends.
import { appendFileSync } from "node:fs";
const logFile = process.env.COSMOS_SERVER_LOG;
const log = args.includes("--log") || Boolean(logFile);
const write = line => (logFile ? appendFileSync(logFile, line + "\n") : console.log(line));

// Every document write (create, replace, upsert, patch, batch) ends in Documents._set; a replace removes and re-adds.
let lsn = 0;
const Documents = documentsModule.default;
const set = Documents.prototype._set;
Documents.prototype._set = function stamp(data) {
  lsn += 1;
  data._lsn = lsn;
  // The collection's writes in LSN order, so a feed read starts where its reader left off instead of scanning.
  (this._writes ??= []).push({ lsn, rid: data._rid });
  return set.call(this, data);
};

// index.js reads accountModule.default when the server starts listening; a subclass lets us keep the instance.
let account;
const Account = accountModule.default;
accountModule.default = class RecordedAccount extends Account {
  constructor(...parameters) {
    super(...parameters);
    account = this;
  }
};

const server = cosmos.createHttpServer({ keepAlive: true });
server.keepAliveTimeout = 60_000;
const [packageHandler] = server.listeners("request");
server.removeAllListeners("request");
server.on("request", (req, res) => {
  if (log) {
    const headers = Object.entries(req.headers)
      .filter(([name]) => /^(a-im|if-none-match|if-modified-since|x-ms-documentdb-partitionkey|x-ms-documentdb-partitionkeyrangeid|x-ms-max-item-count|x-ms-start-epk|x-ms-end-epk|x-ms-cosmos-changefeed-wire-format-version)$/i.test(name))
      .map(([name, value]) => `${name}=${value}`)
      .join(" ");
    write(`${req.method} ${req.url} ${headers}`);
  }

  const feed = changeFeedTarget(req);
  if (!feed) {
    packageHandler(req, res);
    return;
  }

  try {
    answerChangeFeed(req, res, feed);
  } catch (error) {
    console.error(error);
    reply(res, 500, { code: "InternalServerError", message: String(error?.message ?? error) });
  }
});

function changeFeedTarget(req) {
  if (req.method !== "GET" || !req.headers["a-im"]) {
    return null;
  }

  const match = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs\/?$/.exec(new URL(req.url, "http://x").pathname);
  return match ? { dbId: decodeURIComponent(match[1]), collId: decodeURIComponent(match[2]) } : null;
}

function answerChangeFeed(req, res, { dbId, collId }) {
  const collection = account?.database(dbId)?.collection(collId);
  const documents = collection?.documents;
  if (!collection?.read() || !documents) {
    reply(res, 404, { code: "NotFound", message: "The collection does not exist." });
    return;
  }

  const since = readPosition(req.headers["if-none-match"]);
  if (since === "now") {
    reply(res, 304, null, lsn);
    return;
  }

  const partition = readPartition(req.headers["x-ms-documentdb-partitionkey"]);
  const modifiedSince = since === 0 && req.headers["if-modified-since"] ? Date.parse(req.headers["if-modified-since"]) / 1000 : -Infinity;
  const requested = parseInt(req.headers["x-ms-max-item-count"] ?? "100", 10);
  const limit = requested > 0 ? requested : Infinity;
  const writes = documents._writes ?? [];
  let low = 0;
  let high = writes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (writes[middle].lsn <= since) low = middle + 1;
    else high = middle;
  }

  // A write whose item was written again (or deleted) since is not the item's latest version: skip it.
  const page = [];
  for (let at = low; at < writes.length && page.length < limit; at++) {
    const doc = documents._data.get(writes[at].rid)?.read();
    if (doc && doc._lsn === writes[at].lsn && doc._ts >= modifiedSince && (partition === undefined || documents._getPartition(doc) === partition)) {
      page.push(doc);
    }
  }
  if (page.length === 0) {
    reply(res, 304, null, Math.max(lsn, since));
    return;
  }

  const last = page[page.length - 1]._lsn;
  res.setHeader("x-ms-item-count", String(page.length));
  reply(res, 200, { _rid: collection.read()._rid, Documents: page, _count: page.length }, last);
}

function readPosition(header) {
  if (header === undefined || header === "") {
    return 0;
  }

  if (header === "*") {
    return "now";
  }

  const value = parseInt(String(header).replace(/"/g, ""), 10);
  return Number.isFinite(value) ? value : 0;
}

function readPartition(header) {
  if (!header) {
    return undefined;
  }

  const parsed = JSON.parse(header);
  return Array.isArray(parsed) ? parsed[0] : parsed;
}

function reply(res, status, body, position) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("x-ms-activity-id", randomUUID());
  res.setHeader("x-ms-request-charge", "1");
  if (position !== undefined) {
    res.setHeader("etag", `"${position}"`);
    res.setHeader("lsn", String(position));
  }

  res.end(body === null ? undefined : JSON.stringify(body));
}

server.listen(port, host, () => {
  const address = server.address();
  console.log(`Ready to accept HTTP connections at ${address.address}:${address.port}`);
});
