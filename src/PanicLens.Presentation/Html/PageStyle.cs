namespace PanicLens.Presentation.Html;

/// <summary>The pages' one stylesheet, inline in every page (no request for it, nothing external).</summary>
public static class PageStyle
{
    public const string Css = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f}header{background:#222;padding:.6em 1em}
        header a,header span{color:#fff;font-weight:bold;text-decoration:none}main{padding:1em 2em;max-width:80em}
        table{border-collapse:collapse;width:100%;margin-bottom:2em}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#f4f4f4}pre{background:#f7f7f7;padding:.8em;overflow-x:auto;font-size:.85em}
        .frames li{font-family:monospace}.unreliable{color:#999}.guilty{font-weight:bold;background:#fff3c4}
        .diagnosis{border-left:4px solid #c0392b;padding:.2em 1em;margin-bottom:1.5em;background:#fdf2f0}
        .muted{color:#777}.lossy{color:#c0392b}dt{font-weight:bold;margin-top:.6em}
        .command{display:flex;align-items:flex-start;gap:.5em}.command pre{flex:1;margin:.3em 0;user-select:all;white-space:pre-wrap}
        .copy{margin-top:.3em;font-size:.8em;cursor:pointer}.code .faulting{font-weight:bold;background:#fff3c4}
        .trend{vertical-align:middle}.trend rect{fill:#c0392b}.trend line{stroke:#ccc}
        article{border-top:2px solid #ddd;margin-top:2em}nav li{margin:.2em 0}
        """;
}
