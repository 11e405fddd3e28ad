
namespace SessionResume.Observations;

/// <summary>context.tech_stack: language, target framework and the notable packages a project uses.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711",
    Justification = "Named after the state file's context.tech_stack key.")]
public static class TechStack
{
    // Build plumbing that says nothing about what the code is.
    static readonly string[] NotNotable =
    [
        "SessionResume.Build", "Microsoft.NET.Test.Sdk", "coverlet.", "Microsoft.SourceLink.", "Microsoft.CodeAnalysis.",
        "xunit.runner.", "xunit.analyzers", "MSTest.Analyzers", "NUnit.Analyzers", "NUnit3TestAdapter", "Microsoft.Build.",
    ];

    /// <summary>Languages first, then target frameworks, then packages, each group sorted: a stable order for the file.</summary>
    public static List<string> Ordered(IEnumerable<string> items) =>
        items.OrderBy(Group).ThenBy(i => i, StringComparer.OrdinalIgnoreCase).ThenBy(i => i, StringComparer.Ordinal).ToList();

    static int Group(string item) => item switch
    {
        "C#" or "Visual Basic" or "F#" => 0,
        _ when IsFramework(item) => 1,
        _ => 2,
    };

    /// <summary>A target framework moniker: net10.0, net48, net8.0-windows, netstandard2.0, netcoreapp3.1.</summary>
    static bool IsFramework(string item) =>
        (item.Length > 3 && item.StartsWith("net", StringComparison.OrdinalIgnoreCase) && char.IsDigit(item[3]))
        || item.StartsWith("netstandard", StringComparison.OrdinalIgnoreCase)
        || item.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase);

    public static List<string> Infer(string? language, string targetFramework, IEnumerable<string> packageReferences)
    {
        var stack = new List<string>();
        var lang = language switch
        {
            "C#" => "C#",
            "VB" => "Visual Basic",
            "F#" => "F#",
            _ => null,
        };
        if (lang is not null) stack.Add(lang);
        if (targetFramework != "default") stack.Add(targetFramework);
        stack.AddRange(packageReferences
            .Where(p => !string.IsNullOrWhiteSpace(p) && !NotNotable.Any(n => p.StartsWith(n, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .Take(10));
        return stack;
    }
}
