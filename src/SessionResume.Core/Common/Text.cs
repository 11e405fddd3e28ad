using System.Text;
using System.Text.RegularExpressions;

namespace SessionResume.Common;

public static partial class Text
{
    /// <summary>Cuts long text with a visible marker, so a reader knows something was left out.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        // Never cut a surrogate pair in half: that would leave invalid text behind.
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, cut), $"… [{text.Length - cut} more chars]");
    }

    /// <summary>
    /// Text from compilers and test frameworks, made safe to store and to print in a terminal: ANSI
    /// escape sequences removed, other control characters (except newline and tab) dropped,
    /// bidirectional formatting characters removed (they can make text read differently from what
    /// it is), and a lone surrogate replaced by U+FFFD. Ordinary text is returned as it is.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!NeedsCleaning(text)) return text;
        if (text.Contains('\u001B')) text = AnsiSequence().Replace(text, "");
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                b.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c)) { b.Append('\uFFFD'); continue; }
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (c is '\n' or '\t') { b.Append(c); continue; }
            if (c == '\r') { b.Append('\n'); continue; }
            if (char.IsControl(c) || IsBidiControl(c)) continue;
            b.Append(c);
        }
        return b.ToString();
    }

    static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
            if ((char.IsControl(c) && c is not '\n' and not '\t') || char.IsSurrogate(c) || IsBidiControl(c)) return true;
        return false;
    }

    static bool IsBidiControl(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    // CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-character escapes.
    [GeneratedRegex(@"\u001B(\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(\u0007|\u001B\\)?|[@-Z\\-_])", RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnsiSequence();
}
