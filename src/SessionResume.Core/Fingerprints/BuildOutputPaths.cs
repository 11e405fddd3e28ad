using System.Text.RegularExpressions;

namespace SessionResume.Fingerprints;

/// <summary>
/// obj/Debug/net8.0/Foo.g.cs and obj/Release/net9.0/Foo.g.cs are the same generated file: the
/// configuration and target framework folders become placeholders in identity (never in what is shown).
/// </summary>
internal static partial class BuildOutputPaths
{
    public const string Placeholder = "{config}/{tfm}/";

    /// <summary>For a path in '/' form (the file field).</summary>
    public static string WithPlaceholders(string path) => OutputFolders().Replace(path, m => m.Groups["kind"].Value + "/" + Placeholder);

    /// <summary>For text that may hold paths in either separator (a message).</summary>
    public static string WithPlaceholdersInText(string text) =>
        OutputFoldersAnySeparator().Replace(text, m => m.Groups["kind"].Value + "/" + Placeholder);

    // obj|bin, an optional platform folder (Platform other than AnyCPU puts one first), the configuration
    // (any name: Debug, Release, Staging...), a target framework, an optional runtime identifier.
    const string Tfm = @"(?:net|netcoreapp|netstandard)[0-9][^/\\\s'""]*";
    const string Platform = @"(?:(?:x86|x64|arm64|arm|anycpu)[/\\])?";
    const string Rid = @"(?:[a-z]+[0-9.]*(?:-[a-z0-9]+)*-(?:x64|x86|arm64|arm|s390x|ppc64le|wasm|loongarch64|riscv64)[/\\])?";

    [GeneratedRegex(@"(?<=^|/)(?<kind>obj|bin)/" + Platform + @"[^/]+/" + Tfm + "/" + Rid,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutputFolders();

    [GeneratedRegex(@"(?<![\w.\-])(?<kind>obj|bin)[/\\]" + Platform + @"[^/\\\s'""]+[/\\]" + Tfm + @"[/\\]" + Rid,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutputFoldersAnySeparator();
}
