using System.Text;

namespace GanAugment.Cli.Rendering;

/// <summary>
/// A self-contained HTML page built section by section: every text HTML-encoded, every image a
/// <c>data:image/png;base64</c> URI, the style sheet and the one small script (the time-lapse
/// player) inline, so the file opens anywhere without fetching anything.
/// </summary>
internal sealed class HtmlReport(string title)
{
    private readonly StringBuilder _body = new();
    private int _timeLapses;

    /// <summary>
    /// HTML-encodes <paramref name="text"/>: &amp;, &lt;, &gt; and both quotes become entities; every
    /// other character stays as it is (the page is UTF-8, so ± and é need no entity).
    /// </summary>
    public static string Encode(string text)
    {
        var html = new StringBuilder(text.Length);
        foreach (var c in text)
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return html.ToString();
    }

    /// <summary>A heading; level 2 is a section, 3 a sub-section (the title is the page's only level 1).</summary>
    public void Heading(string text, int level = 2) =>
        _body.Append("<h").Append(level).Append('>').Append(Encode(text)).Append("</h").Append(level).Append(">\n");

    public void Paragraph(string text) => _body.Append("<p>").Append(Encode(text)).Append("</p>\n");

    /// <summary>A note set apart (something the report could not show, and why).</summary>
    public void Note(string text) => _body.Append("<p class=\"note\">").Append(Encode(text)).Append("</p>\n");

    /// <summary>HTML already built from encoded text (see <see cref="MarkdownHtml"/>).</summary>
    internal void AppendHtml(string html) => _body.Append(html);

    /// <summary>A table; cells that read as numbers are right-aligned.</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        _body.Append("<table>");
        if (caption is not null) _body.Append("<caption>").Append(Encode(caption)).Append("</caption>");
        _body.Append("<thead><tr>");
        foreach (var cell in header) _body.Append("<th>").Append(Encode(cell)).Append("</th>");
        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
                _body.Append(LooksNumeric(cell) ? "<td class=\"num\">" : "<td>").Append(Encode(cell)).Append("</td>");
            _body.Append("</tr>\n");
        }
        _body.Append("</tbody></table>\n");
    }

    /// <summary>A PNG with its caption.</summary>
    public void Image(byte[] png, string caption) =>
        _body.Append("<figure>").Append(Img(png, caption)).Append("<figcaption>").Append(Encode(caption)).Append("</figcaption></figure>\n");

    /// <summary>PNGs side by side, each with its caption (e.g. real images beside generated ones).</summary>
    public void SideBySide(IReadOnlyList<(byte[] Png, string Caption)> images)
    {
        _body.Append("<div class=\"row\">");
        foreach (var (png, caption) in images) Image(png, caption);
        _body.Append("</div>\n");
    }

    /// <summary>
    /// Frames played one after another (the generator learning, epoch by epoch): a play/pause
    /// button, a slider to pick a frame, the frame's label, and a button that lays every frame out
    /// at once. The figure's <c>data-frame</c> attribute holds the index of the frame shown.
    /// </summary>
    public void TimeLapse(string caption, IReadOnlyList<(string Label, byte[] Png)> frames)
    {
        if (frames.Count == 0) throw new ArgumentException("a time-lapse needs at least one frame", nameof(frames));
        var id = ++_timeLapses;
        _body.Append("<figure class=\"timelapse\" id=\"timelapse-").Append(id).Append("\" data-frame=\"0\">\n<div class=\"frames\">");
        for (var i = 0; i < frames.Count; i++)
        {
            var (label, png) = frames[i];
            _body.Append(i == 0 ? "<figure class=\"frame shown\">" : "<figure class=\"frame\">")
                .Append(Img(png, $"{caption}, {label}")).Append("<figcaption>").Append(Encode(label)).Append("</figcaption></figure>");
        }
        _body.Append("</div>\n<div class=\"controls\"><button type=\"button\" class=\"play\">play</button>")
            .Append("<input type=\"range\" class=\"slider\" min=\"0\" max=\"").Append(frames.Count - 1).Append("\" value=\"0\" aria-label=\"frame\">")
            .Append("<span class=\"label\">").Append(Encode(frames[0].Label)).Append("</span>")
            .Append("<button type=\"button\" class=\"all\">show all</button></div>\n<figcaption>").Append(Encode(caption))
            .Append(" (").Append(frames.Count).Append(frames.Count == 1 ? " frame" : " frames").Append(")</figcaption></figure>\n");
    }

    /// <summary>The whole page.</summary>
    public string Render() => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(Encode(title)).Append("</title>\n<style>\n")
        .Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(Encode(title)).Append("</h1>\n")
        .Append(_body)
        .Append("<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n")
        .ToString();

    private static string Img(byte[] png, string alt) =>
        $"<img alt=\"{Encode(alt)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">";

    private static bool LooksNumeric(string cell)
    {
        var t = cell.Trim();
        return t.Length > 0 && (char.IsDigit(t[0]) || (t.Length > 1 && t[0] is '-' or '+' or '.' && (char.IsDigit(t[1]) || t[1] == '.'))
            || t is "NaN" or "Infinity" or "-Infinity");
    }

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
        h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; } h3 { margin-top: 1.5em; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
        caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { display: inline-block; margin: 0.5em 1em 1em 0; vertical-align: top; }
        figure img { max-width: 100%; image-rendering: pixelated; border: 1px solid #ddd; }
        figcaption { font-size: 0.85em; color: #555; max-width: 40em; }
        .row { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
        .note { color: #8a4b00; background: #fff6e5; padding: 0.4em 0.6em; }
        .timelapse .frame { display: none; margin: 0; }
        .timelapse .frame.shown, .timelapse.all .frame { display: inline-block; }
        .timelapse.all .frame { margin: 0 0.5em 0.5em 0; max-width: 30%; }
        .timelapse .frame figcaption { display: none; } .timelapse.all .frame figcaption { display: block; }
        .controls { display: flex; gap: 0.6em; align-items: center; margin: 0.3em 0; }
        .controls .slider { width: 16em; } .controls .label { min-width: 6em; font-variant-numeric: tabular-nums; }
        code { background: #f3f3f3; padding: 0 0.2em; }

        """;

    // NOTE: every time-lapse starts playing on load; 'play'/'pause' toggles it, the slider picks a frame (and pauses).
    private const string Script = """
        (function () {
          'use strict';
          document.querySelectorAll('figure.timelapse').forEach(function (lapse) {
            var frames = lapse.querySelectorAll('.frames > .frame');
            var play = lapse.querySelector('button.play');
            var all = lapse.querySelector('button.all');
            var slider = lapse.querySelector('input.slider');
            var label = lapse.querySelector('.label');
            var index = 0, timer = null;
            function show(i) {
              frames[index].classList.remove('shown');
              index = (i + frames.length) % frames.length;
              frames[index].classList.add('shown');
              lapse.dataset.frame = String(index);
              slider.value = String(index);
              label.textContent = frames[index].querySelector('figcaption').textContent;
            }
            function stop() { if (timer !== null) { clearInterval(timer); timer = null; } play.textContent = 'play'; }
            function start() {
              if (frames.length < 2) return;
              stop();
              timer = setInterval(function () { show(index + 1); }, 500);
              play.textContent = 'pause';
            }
            play.addEventListener('click', function () { if (timer === null) start(); else stop(); });
            slider.addEventListener('input', function () { stop(); show(Number(slider.value)); });
            all.addEventListener('click', function () {
              var on = lapse.classList.toggle('all');
              all.textContent = on ? 'one at a time' : 'show all';
            });
            start();
          });
        })();

        """;
}
