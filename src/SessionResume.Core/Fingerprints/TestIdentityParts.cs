using System.Text.RegularExpressions;

namespace SessionResume.Fingerprints;

/// <summary>The pieces of a test's identity and of its failure signature, cleaned of what varies by machine.</summary>
internal static partial class TestIdentityParts
{
    /// <summary>
    /// "App.Tests" from "App.Tests", "App.Tests.dll", "/repo/bin/Debug/net8.0/App.Tests.dll" or
    /// "App.Tests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null": where the assembly was built
    /// and its version are not the test.
    /// </summary>
    public static string AssemblySimpleName(string? assembly)
    {
        var name = (assembly ?? "").Trim();
        var comma = name.IndexOf(',');
        if (comma >= 0) name = name[..comma].Trim();
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        foreach (var extension in (string[])[".dll", ".exe"])
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return name[..^extension.Length];
        return name;
    }

    /// <summary>
    /// What tells data rows of one test method apart, as the adapter displays it: the argument list
    /// "(a: 1, b: 2)" at the end of the display name. A display name that is neither the method's name
    /// nor carries arguments (MSTest's DataRow DisplayName, xunit's DisplayName) is taken whole, since
    /// then it is the only thing that tells the rows apart.
    /// </summary>
    public static string DataRow(string fullyQualifiedName, string? displayName)
    {
        var display = (displayName ?? "").Trim();
        if (display.Length == 0) return "";
        var open = display.IndexOf('(');
        if (open >= 0 && display.EndsWith(')')) return display[open..];
        var method = fullyQualifiedName.Trim();
        return method.EndsWith(display, StringComparison.Ordinal) ? "" : display;
    }

    /// <summary>
    /// "at App.Tests.AuthTests.&lt;Login&gt;d__3.MoveNext() in C:\repo\tests\AuthTests.cs:line 42" becomes
    /// "App.Tests.AuthTests.&lt;Login&gt;d__{n}.MoveNext() in tests/AuthTests.cs": no line (any edit above
    /// moves it), no machine path, no compiler ordinals.
    /// </summary>
    public static string Frame(string? frame, string sessionRoot)
    {
        var text = (frame ?? "").Trim();
        if (text.Length == 0) return "";
        text = LeadingAt().Replace(text, "");
        text = LineSuffix().Replace(text, "");
        return MessageNormalizer.Normalize(text, sessionRoot);
    }

    // "at " and the translated runtimes' "bei ", "à ", "в ": one word before the method's name.
    [GeneratedRegex(@"^\s*\p{L}{1,10}\s+(?=\S+\()", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingAt();

    // ":line 42", and the translated runtimes' ":Zeile 42", ":ligne 42", ":строка 42".
    [GeneratedRegex(@":\s*\p{L}+\s+[0-9]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LineSuffix();
}
