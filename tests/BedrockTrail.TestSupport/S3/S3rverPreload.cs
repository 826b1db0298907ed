namespace BedrockTrail.TestSupport.S3;

/// <summary>
/// The Node preload (<c>node -r</c>) that fixes s3rver 3.7.1's listing before its store module loads. s3rver's
/// filesystem store imports <c>walk</c> from <c>lib/utils.js</c> by destructuring, so replacing the export first is
/// enough. Two faults are fixed: (1) <c>walk</c> follows readdir order, so past 1,000 keys the continuation
/// (the last key returned) repeats and skips keys; the replacement walks in S3 key order, a folder sorting as its
/// name plus '/'. (2) With a delimiter, s3rver does not descend into folders below a common prefix, so common
/// prefixes more than one folder deep are never reported (e.g. <c>AWSLogs/</c> with delimiter '/' returns no
/// accounts); for a folder the filter refuses, the replacement yields its first object instead, which is enough
/// for s3rver to record the common prefix and is dropped by its own prefix/start-after checks otherwise.
/// </summary>
internal static class S3rverPreload
{
    public static string Script(string utilsPath) => $$"""
        'use strict';
        const fs = require('fs');
        const path = require('path');
        const utils = require({{System.Text.Json.JsonSerializer.Serialize(utilsPath)}});
        const MARK = '._S3rver_';
        const OBJECT = '._S3rver_object';

        function entries(dir) {
          return fs.readdirSync(dir, { withFileTypes: true })
            .map(d => {
              const isDir = d.isDirectory();
              const i = d.name.indexOf(MARK);
              const key = isDir ? d.name + '/' : (i >= 0 ? d.name.slice(0, i) : d.name);
              return { name: d.name, isDir, sort: Buffer.from(key, 'utf8') };
            })
            .sort((a, b) => Buffer.compare(a.sort, b.sort) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        }

        function firstObject(dir) {
          for (const e of entries(dir)) {
            const p = path.posix.join(dir, e.name);
            if (e.isDir) {
              const found = firstObject(p);
              if (found) return found;
            } else if (e.name.endsWith(OBJECT)) {
              return p;
            }
          }
          return null;
        }

        utils.walk = function* walk(dir, recurseFilter) {
          for (const e of entries(dir)) {
            const p = path.posix.join(dir, e.name);
            if (!e.isDir) {
              yield p;
            } else if (!recurseFilter || recurseFilter(p)) {
              yield* walk(p, recurseFilter);
            } else {
              const first = firstObject(p);
              if (first) yield first;
            }
          }
        };
        """;
}
