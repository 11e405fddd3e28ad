using System.Text.RegularExpressions;

namespace SessionResume.Fingerprints;

/// <summary>
/// Masks the parts of a message that change from run to run without the problem changing. What is
/// kept matters as much: quoted identifiers, generic arguments and letter case tell different
/// problems apart ('string' to 'int' is not 'string' to 'bool'), so no pattern here touches letters
/// or digits that are part of a word.
/// </summary>
internal static partial class MessageMasks
{
    /// <summary>URLs other than file:// (those are paths and handled as such).</summary>
    public static string MaskUrls(string text) => Url().Replace(text, "{url}");

    /// <summary>In order: GUIDs, timestamps, durations, hex runs, versions, compiler-generated names, integers.</summary>
    public static string MaskVolatileValues(string text)
    {
        // Order matters: a GUID or a timestamp is made of digit runs that the later patterns would
        // mask piecemeal, and a version must be seen whole before its parts look like integers.
        text = Guid().Replace(text, "{guid}");
        text = IsoTimestamp().Replace(text, "{time}");
        text = SlashDate().Replace(text, "{time}");
        text = ClockTime().Replace(text, "{time}");
        text = Duration().Replace(text, "{duration}");
        text = PrefixedHex().Replace(text, "{hex}");
        text = HexRun().Replace(text, m => LooksLikeHash(m.Value) ? "{hex}" : m.Value);
        text = Version().Replace(text, "{version}");
        text = CompilerGeneratedName().Replace(text, m => m.Groups["name"].Value + MaskGeneratedSuffix(m.Groups["suffix"].Value));
        return Integer().Replace(text, "{n}");
    }

    /// <summary>
    /// A hash or an address, not a word: has a digit and a letter, and one letter case throughout.
    /// "Decade2024" mixes cases and is an identifier; "3f2a9c1b" is not.
    /// </summary>
    static bool LooksLikeHash(string run) =>
        run.Any(char.IsAsciiDigit) && run.Any(char.IsAsciiLetter)
        && (!run.Any(char.IsAsciiLetterUpper) || !run.Any(char.IsAsciiLetterLower));

    /// <summary>
    /// Digits after the "&gt;x__" of a compiler-generated name are ordinals that shift when an unrelated
    /// lambda or async method is added. For a local function (&lt;Main&gt;g__Local2|0_0) only the part after
    /// '|' is generated; the name before it is the user's.
    /// </summary>
    static string MaskGeneratedSuffix(string suffix)
    {
        var bar = suffix.IndexOf('|');
        return bar < 0 ? Digits().Replace(suffix, "{n}") : suffix[..(bar + 1)] + Digits().Replace(suffix[(bar + 1)..], "{n}");
    }

    [GeneratedRegex(@"\b(?!file:)[A-Za-z][A-Za-z0-9+.\-]*://[^\s'""`<>]*[^\s'""`<>.,;:)\]]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![0-9A-Fa-f])\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?(?![0-9A-Fa-f])")]
    private static partial Regex Guid();

    // 2026-11-24, 2026-11-24T20:00:00.123Z, 2026-11-24 20:00:00+01:00
    [GeneratedRegex(@"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}" +
        @"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?(?![0-9])")]
    private static partial Regex IsoTimestamp();

    // 11/24/2026 (the en-US form DateTime.ToString() gives); a time after it is taken by ClockTime.
    [GeneratedRegex(@"(?<![0-9/])[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}(?![0-9/])")]
    private static partial Regex SlashDate();

    // 20:00, 8:00:00 PM, and TimeSpan text: 00:00:01.2345678, 1.02:03:04
    [GeneratedRegex(@"(?<![0-9:.])(?:[0-9]+[.:])?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]+)?(?:\s?[AaPp][Mm]\b)?(?![0-9:])")]
    private static partial Regex ClockTime();

    // 1000ms, 2.5 s, 3 seconds, 12 min
    [GeneratedRegex(@"(?<![\w.])[0-9]+(?:[.,][0-9]+)?\s?" +
        @"(?:ns|µs|μs|us|ms|s|secs?|seconds?|milliseconds?|microseconds?|nanoseconds?|mins?|minutes?|h|hrs?|hours?|days?|ticks)\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b0[xX][0-9A-Fa-f]+\b")]
    private static partial Regex PrefixedHex();

    [GeneratedRegex(@"\b[0-9A-Fa-f]{8,}\b")]
    private static partial Regex HexRun();

    // 1.2, 8.0.100, v2.3.4, 1.0.0-preview.7.25380.108, 4.0.0.0, 1.2.3+sha
    [GeneratedRegex(@"(?<![\w.])[vV]?[0-9]+(?:\.[0-9]+)+(?:-(?i:alpha|beta|preview|rc|pre|dev|ci|nightly|rtm)[0-9A-Za-z.\-]*)?" +
        @"(?:\+[0-9A-Za-z.\-]+)?(?!\w|\.[0-9A-Za-z])")]
    private static partial Regex Version();

    // <Main>d__3, <>c__DisplayClass0_0, <Main>b__0_1, <x>5__2, <Main>g__Local|0_0, <>f__AnonymousType0`1, <<Main>$>d__0
    [GeneratedRegex(@"(?<name><(?:[^<>\s'""]|<[^<>\s'""]*>)*>[0-9A-Za-z]__)(?<suffix>[\w|`]*)")]
    private static partial Regex CompilerGeneratedName();

    // Stand-alone: not the tail of a word (Item2, x64) nor of a dotted name (net8.0, Foo.1).
    [GeneratedRegex(@"(?<![\w.])[0-9]+\b")]
    private static partial Regex Integer();

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex Digits();
}
