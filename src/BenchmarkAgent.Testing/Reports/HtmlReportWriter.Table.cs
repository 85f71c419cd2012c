using System.Text;

using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Reports;

/// <summary>The searchable item table of the HTML report.</summary>
internal static partial class HtmlReportWriter
{
    /// <summary>
    /// The most item rows the page holds (issue 16: a 50,000-item report.html of 33 MB was slow to open). A larger run
    /// shows regressions, errors and failures first up to this many rows and says so; report.json keeps every item.
    /// </summary>
    public const int MaxTableRows = 2_000;

    /// <summary>
    /// The rows the page holds, in table order: regressions first, then the usual order; above <see cref="MaxTableRows"/>
    /// items, what needs attention first (regressions, errors, failures), then passes, up to the cap.
    /// </summary>
    private static List<HtmlItemRow> ShownRows(HtmlReportModel model)
    {
        var rows = model.Items.OrderBy(i => i.Verdict == ItemVerdict.Regression ? 0 : 1).ToList();
        return rows.Count <= MaxTableRows
            ? rows
            : rows.OrderBy(i => i.Verdict == ItemVerdict.Regression ? 0 : i.Skipped is not null ? 3 : i.Passed is null ? 1 : i.Passed == false ? 2 : 3).Take(MaxTableRows).ToList();
    }

    private static void ItemTable(StringBuilder html, HtmlReportModel model)
    {
        bool verdicts = model.HasVerdicts;
        bool metrics = model.Items.Any(i => i.Metrics.Count > 0);
        bool repeats = model.Repeats > 1;
        bool tokens = model.Tokens is not null;
        // Regressions first, then the usual order (benchmark, subtask, id).
        var rows = ShownRows(model);
        int total = model.Items.Count;
        bool media = rows.Any(i => i.Media is { Count: > 0 });
        var files = model.MediaFiles?.Fresh(); // only the shown rows' files are read, within the page's caps

        html.Append("<section id=\"items\">\n<h2>Items</h2>\n");
        if (total > rows.Count)
        {
            html.Append("<p class=\"note\" id=\"items-capped\">Showing ").Append(rows.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
                .Append(" of ").Append(total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
                .Append(" items (regressions, errors and failures first); every item is in report.json.</p>\n");
        }

        html
            .Append("<input id=\"filter\" type=\"search\" placeholder=\"Filter: words from any column\" aria-label=\"Filter items\" hidden>")
            .Append("<span id=\"shown\">").Append(rows.Count).Append(" items</span>\n")
            .Append("<table id=\"item-table\"><thead><tr><th>benchmark</th><th>subtask</th><th>id</th><th>difficulty</th><th>score / pass</th>")
            .Append(verdicts ? "<th>verdict</th>" : string.Empty)
            .Append(repeats ? "<th>repeats passed</th>" : string.Empty)
            .Append(media ? "<th>media</th>" : string.Empty)
            .Append("<th>answer</th><th>expected</th><th>latency (ms)</th>")
            .Append(tokens ? "<th>tokens (in / out)</th>" : string.Empty)
            .Append(metrics ? "<th>metrics</th>" : string.Empty)
            .Append("</tr></thead>\n<tbody>\n");
        foreach (var item in rows)
        {
            string outcome = item.Skipped is not null ? "skipped" : item.Passed switch { true => "pass", false => "fail", null => "error" };
            html.Append("<tr class=\"").Append(outcome).Append("\"><td>").Append(HtmlText.Encode(item.Benchmark))
                .Append("</td><td>").Append(HtmlText.Encode(item.Subtask))
                .Append("</td><td><code>").Append(HtmlText.Encode(item.Id))
                .Append("</code></td><td>").Append(HtmlText.Encode(item.Difficulty))
                .Append("</td><td class=\"outcome num\">")
                .Append(item.Score is { } score ? $"{HtmlText.Number(score)} {outcome}" : outcome == "skipped" ? "skipped" : "error")
                .Append("</td>");
            if (verdicts)
            {
                html.Append("<td class=\"").Append(item.Verdict is { } v ? VerdictLabel(v).Replace(' ', '-') : string.Empty).Append("\">")
                    .Append(item.Verdict is { } verdict ? VerdictLabel(verdict) : "-").Append("</td>");
            }

            if (repeats)
            {
                html.Append("<td class=\"num repeats\">")
                    .Append(item.Repeats is { } r ? $"{r.Passed}/{r.Repeats}{(r.PassAtK ? $" (pass@{r.Repeats})" : string.Empty)}" : "-")
                    .Append("</td>");
            }

            if (media)
            {
                html.Append("<td class=\"media\">");
                MediaCell(html, item, files);
                html.Append("</td>");
            }

            html.Append("<td class=\"text\">").Append(item.Skipped is { } skipped ? "skipped: " + HtmlText.EncodeShort(skipped)
                : item.Error is { } error ? "error: " + HtmlText.EncodeShort(error) : HtmlText.EncodeShort(item.Answer))
                .Append("</td><td class=\"text\">").Append(HtmlText.EncodeShort(item.Expected))
                .Append("</td><td class=\"num\">").Append(item.LatencyMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)).Append("</td>");
            if (tokens)
            {
                html.Append("<td class=\"num tokens\">").Append(item.Tokens is null ? "-" : TokenText(item.Tokens)).Append("</td>");
            }

            if (metrics)
            {
                html.Append("<td class=\"text\">");
                foreach (var metric in item.Metrics)
                {
                    html.Append("<div title=\"").Append(HtmlText.EncodeShort(metric.Reason)).Append("\">")
                        .Append(HtmlText.EncodeShort($"{metric.Name}: {metric.ValueText}{(metric.Rating.Length > 0 ? $" ({metric.Rating})" : string.Empty)}")).Append("</div>");
                }

                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    /// <summary>
    /// An item's media: a thumbnail per image and a player per audio clip, embedded as data URIs of the verified snapshot
    /// files, or a placeholder with the file's name when a file is not embedded (too big, the page's budget spent, missing
    /// or changed). Every name and type is encoded; the page never relies on the snapshot's path rules.
    /// </summary>
    private static void MediaCell(StringBuilder html, HtmlItemRow item, ReportMediaFiles? files)
    {
        foreach (var file in item.Media ?? [])
        {
            var (dataUri, notEmbedded) = files is null ? (null, "not embedded: the snapshot's media files were not available") : files.Embed(item.Benchmark, item.Id, file);
            string name = HtmlText.EncodeShort(file.Path, 120);
            html.Append("<div class=\"media-file\" data-kind=\"").Append(file.Kind == "image" ? "image" : "audio").Append("\">");
            if (dataUri is null)
            {
                html.Append("<span class=\"media-placeholder\">").Append(file.Kind == "image" ? "image " : "audio ").Append(name)
                    .Append(" (").Append(HtmlText.Encode(notEmbedded)).Append(")</span>");
            }
            else if (file.Kind == "image")
            {
                html.Append("<img class=\"thumb\" src=\"").Append(HtmlText.Encode(dataUri)).Append("\" alt=\"").Append(name).Append("\" title=\"").Append(name).Append("\">")
                    .Append("<span class=\"media-name\">").Append(name).Append("</span>");
            }
            else
            {
                html.Append("<audio controls preload=\"metadata\" src=\"").Append(HtmlText.Encode(dataUri)).Append("\" title=\"").Append(name).Append("\"></audio>")
                    .Append("<span class=\"media-name\">").Append(name).Append("</span>");
            }

            html.Append("</div>");
        }
    }
}
