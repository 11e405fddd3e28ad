
namespace SessionResume.Merge;

/// <summary>
/// The seed's failed_paths entry: "file relative to the root:Class.Method", with a data row's
/// arguments as displayed ("AuthTests.cs:MathTests.Add(a: 1, b: 2)").
/// </summary>
public static class FailedPath
{
    public static string For(string? file, string project, string fullyQualifiedName, string displayName) =>
        $"{file ?? project}:{ClassAndMethod(fullyQualifiedName)}{Arguments(displayName)}";

    /// <summary>The last two dotted parts of a fully qualified name, nested classes kept.</summary>
    public static string ClassAndMethod(string fullyQualifiedName)
    {
        var name = fullyQualifiedName;
        var paren = name.IndexOf('(');
        if (paren >= 0) name = name[..paren];
        var last = name.LastIndexOf('.');
        if (last <= 0) return name;
        var previous = name.LastIndexOf('.', last - 1);
        return name[(previous + 1)..];
    }

    static string Arguments(string displayName)
    {
        var paren = displayName.IndexOf('(');
        return paren >= 0 && displayName.EndsWith(')') ? displayName[paren..] : "";
    }
}
