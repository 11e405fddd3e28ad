using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SessionResume.Build;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests;

/// <summary>A throwaway folder laid out like a repository with one project, and a SARIF log for it.</summary>
sealed class TaskRepository : IDisposable
{
    readonly TempDirectory directory = new("sr-task-");

    public string Root => directory.Path;
    public string ProjectFile => Path.Combine(Root, "src", "App", "App.csproj");
    public string Obj => Path.Combine(Root, "src", "App", "obj");
    public string SarifFile => Path.Combine(Obj, "SessionResume.sarif");
    public string StampFile => Path.Combine(Obj, "SessionResume.stamp");
    public string StateFile => Path.Combine(Root, ".session-state.json");

    public TaskRepository()
    {
        // A real repository: the package asks git which files changed.
        var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["init", "-q", Root]) { UseShellExecute = false })!;
        git.WaitForExit();
        Directory.CreateDirectory(Obj);
        File.WriteAllText(ProjectFile, "<Project />");
    }

    /// <summary>
    /// The Settings item list the targets hand every task: ItemSpec = the SessionResume* property,
    /// metadata Value.
    /// </summary>
    public static ITaskItem[] SettingItems(params (string Property, string Value)[] settings) =>
        settings.Select(s => (ITaskItem)new TaskItem(s.Property, new Dictionary<string, string> { ["Value"] = s.Value })).ToArray();

    /// <summary>
    /// CaptureBuildDiagnostics for this repository's project as the targets run it after CoreCompile
    /// (net10.0, C#, this SARIF log and stamp), at the time NOW, with SETTINGS, logging to a fresh
    /// <see cref="FakeBuildEngine"/>.
    /// </summary>
    public (CaptureBuildDiagnostics Task, FakeBuildEngine Engine) CaptureTask(DateTime now, params (string Property, string Value)[] settings)
    {
        var engine = new FakeBuildEngine();
        var task = new CaptureBuildDiagnostics
        {
            BuildEngine = engine,
            ProjectFile = ProjectFile,
            SarifFile = SarifFile,
            StampFile = StampFile,
            TargetFramework = "net10.0",
            Language = "C#",
            Settings = SettingItems(settings),
            Clock = () => now,
        };
        return (task, engine);
    }

    public string Source(string relative, params string[] lines)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>Writes a SARIF 2.1 log as Roslyn does: absolute file URIs and 1-based regions.</summary>
    public void Sarif(params (string Code, string Level, string File, int Line, string Message)[] results)
    {
        var items = results.Select(r => $$"""
            {
              "ruleId": "{{r.Code}}",
              "level": "{{r.Level}}",
              "message": { "text": {{System.Text.Json.JsonSerializer.Serialize(r.Message)}} },
              "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{new Uri(Path.Combine(Root, r.File)).AbsoluteUri}}" },
                               "region": { "startLine": {{r.Line}}, "startColumn": 17, "endLine": {{r.Line}}, "endColumn": 20 } } } ],
              "properties": { "warningLevel": 0 }
            }
            """);
        File.WriteAllText(SarifFile, $$"""
            {
              "$schema": "http://json.schemastore.org/sarif-2.1.0",
              "version": "2.1.0",
              "runs": [ { "results": [ {{string.Join(",", items)}} ],
                          "tool": { "driver": { "name": "Microsoft (R) Visual C# Compiler", "version": "5.0.0" } } } ]
            }
            """);
        File.SetLastWriteTimeUtc(SarifFile, DateTime.UtcNow.AddSeconds(1));
    }

    public void Dispose() => directory.Dispose();
}
