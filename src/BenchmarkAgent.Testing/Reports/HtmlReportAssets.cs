using System.Security.Cryptography;
using System.Text;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>
/// The page's only stylesheet and script, inlined, and the Content-Security-Policy that admits exactly these two by
/// hash: the page makes no request at all, and a script that got into the page some other way would not run.
/// </summary>
internal static class HtmlReportAssets
{
    /// <summary>The stylesheet (no external fonts or images).</summary>
    public const string Style = """

        :root { color-scheme: light; --pass: #2e7d32; --fail: #c62828; --err: #8d6e63; --bar: #1976d2; --grid: #ddd; }
        body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em auto; max-width: 1200px; padding: 0 1em; color: #222; }
        h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid var(--grid); }
        .note { color: #555; font-size: .9em; }
        svg { max-width: 100%; height: auto; font-size: 12px; }
        svg .grid { stroke: var(--grid); } svg .axis { fill: #555; } svg .bar { fill: var(--bar); opacity: .8; }
        svg .ci, svg .ci-cap { stroke: #111; stroke-width: 1.5; } svg .value { fill: #222; }
        svg .metric-bar { fill: #7b1fa2; opacity: .8; }
        .metrics { display: flex; flex-wrap: wrap; gap: 1em; }
        table { border-collapse: collapse; width: 100%; font-size: .9em; }
        th, td { border: 1px solid var(--grid); padding: .25em .5em; text-align: left; vertical-align: top; }
        th { background: #f5f5f5; position: sticky; top: 0; }
        td.num { text-align: right; white-space: nowrap; }
        td.text { max-width: 28em; white-space: pre-wrap; word-break: break-word; }
        tr.fail td.outcome, .regression { color: var(--fail); font-weight: 600; }
        tr.pass td.outcome, .improvement { color: var(--pass); }
        tr.error td.outcome { color: var(--err); font-style: italic; }
        #filter { width: 24em; padding: .3em; margin: .5em 1em .5em 0; }
        .gate-fail { color: var(--fail); font-weight: 600; } .gate-pass { color: var(--pass); }
        tr.skipped td.outcome { color: #777; font-style: italic; }
        td.media { white-space: normal; } .media-file { display: inline-block; margin: 0 .4em .4em 0; vertical-align: top; }
        img.thumb { display: block; max-width: 160px; max-height: 120px; border: 1px solid var(--grid); background: #fff; }
        .media-name { display: block; font-size: .8em; color: #555; word-break: break-all; max-width: 160px; }
        .media-placeholder { display: block; width: 150px; padding: .4em; border: 1px dashed #999; color: #555; font-size: .8em; word-break: break-all; }
        audio { width: 220px; }

        """;

    /// <summary>The search script: filters the item table rows by the words typed; reads text, never writes markup.</summary>
    public const string Script = """

        (function () {
          var input = document.getElementById('filter');
          var shown = document.getElementById('shown');
          var rows = Array.prototype.slice.call(document.querySelectorAll('#item-table tbody tr'));
          var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
          function apply() {
            var terms = input.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
            var count = 0;
            rows.forEach(function (row, i) {
              var match = terms.every(function (t) { return texts[i].indexOf(t) >= 0; });
              row.hidden = !match;
              if (match) { count++; }
            });
            shown.textContent = count + ' of ' + rows.length + ' items shown';
          }
          input.hidden = false;
          input.addEventListener('input', apply);
          apply();
        })();

        """;

    /// <summary>
    /// The Content-Security-Policy: nothing may load; only the inline style and script above may apply; images and audio
    /// only from the page's own <c>data:</c> URIs (the embedded media).
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; img-src data:; media-src data:; base-uri 'none'; form-action 'none'";

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
