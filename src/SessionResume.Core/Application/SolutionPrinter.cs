using System.Xml.Linq;

namespace SessionResume.Application;

/// <summary>
/// `dotnet msbuild x.sln -t:SessionRestore` runs the target in every project, possibly in several
/// processes. Exactly one of them prints: the first project (by path) of the solution's
/// configuration that uses the package. Every project sees the same configuration, so they agree
/// without talking to each other.
/// </summary>
public static class SolutionPrinter
{
    public static bool ShouldPrint(string projectFile, string? solutionConfiguration, Func<string, bool> usesPackage)
    {
        if (string.IsNullOrWhiteSpace(solutionConfiguration)) return true;
        List<string> projects;
        try
        {
            projects = XElement.Parse(solutionConfiguration)
                .Elements("ProjectConfiguration")
                .Where(e => !string.Equals((string?)e.Attribute("BuildProjectInSolution"), "False", StringComparison.OrdinalIgnoreCase))
                .Select(e => (string?)e.Attribute("AbsolutePath"))
                .OfType<string>()
                .Select(p => Path.GetFullPath(p))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (System.Xml.XmlException)
        {
            return true;
        }
        var self = Path.GetFullPath(projectFile);
        var printer = projects.FirstOrDefault(usesPackage) ?? projects.FirstOrDefault();
        return printer is null || string.Equals(printer, self, StringComparison.Ordinal)
            || !projects.Contains(self, StringComparer.Ordinal);
    }

    /// <summary>Whether NuGet imported this package into a project (its generated targets name it).</summary>
    public static bool UsesPackage(string projectFile)
    {
        var obj = Path.Combine(Path.GetDirectoryName(projectFile)!, "obj");
        var targets = Path.Combine(obj, Path.GetFileName(projectFile) + ".nuget.g.targets");
        var props = Path.Combine(obj, Path.GetFileName(projectFile) + ".nuget.g.props");
        return Mentions(targets) || Mentions(props);

        static bool Mentions(string file)
        {
            try { return File.Exists(file) && File.ReadAllText(file).Contains("SessionResume.Build", StringComparison.OrdinalIgnoreCase); }
            catch (IOException) { return false; }
        }
    }
}
