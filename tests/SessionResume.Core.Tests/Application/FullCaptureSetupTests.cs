using SessionResume.Application;
using SessionResume.Config;
using SessionResume.Store;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Application;

/// <summary>SessionSetup's block in Directory.Build.rsp: where it goes, that it is written once, and that removing it gives the bytes back.</summary>
public sealed class FullCaptureSetupTests : IDisposable
{
    readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    string Logger => dir.File("packages/sessionresume.build/1.0.0/tasks/net8.0/SessionResume.Build.dll");

    Session Open() =>
        new(new SessionLocation(dir.Path, dir.File(".session-state.json"), IsGitRepository: false), SessionSettings.Default);

    VerbResult Setup(string from, bool remove = false) => FullCaptureSetup.Run(Open(), from, Logger, remove);

    [Fact]
    public void Without_an_rsp_one_is_created_at_the_root_once_and_the_remove_deletes_it()
    {
        var project = Directory.CreateDirectory(dir.File("src/Lib")).FullName;
        var rsp = dir.File("Directory.Build.rsp");

        var first = Setup(project);
        Assert.Contains("full capture set up in Directory.Build.rsp:", Assert.Single(first.Lines.Take(1)), StringComparison.Ordinal);
        var text = File.ReadAllText(rsp);
        Assert.Contains($"-logger:SessionResume.Build.FullCaptureLogger,{Logger},IsOptional;root=%MSBuildThisFileDirectory%\n", text,
            StringComparison.Ordinal);

        Assert.Contains("already set up", Assert.Single(Setup(project).Lines), StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(rsp));

        Assert.Contains("and the file", Assert.Single(Setup(project, remove: true).Lines), StringComparison.Ordinal);
        Assert.False(File.Exists(rsp));
        Assert.Contains("nothing to remove", Assert.Single(Setup(project, remove: true).Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void The_nearest_rsp_is_used_and_named_and_its_bytes_come_back_exactly()
    {
        var project = Directory.CreateDirectory(dir.File("src/Lib")).FullName;
        var rsp = dir.File("src/Directory.Build.rsp");
        const string own = "-p:Deterministic=true\r\n-m:1";
        File.WriteAllText(rsp, own);

        var result = Setup(project);
        Assert.Contains("src/Directory.Build.rsp (the nearest Directory.Build.rsp", result.Lines[0], StringComparison.Ordinal);
        var text = File.ReadAllText(rsp);
        Assert.EndsWith("\r\n" + own, text, StringComparison.Ordinal);
        Assert.Contains("root=%MSBuildThisFileDirectory%..\r\n", text, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("Directory.Build.rsp")));

        Setup(project, remove: true);
        Assert.Equal(own, File.ReadAllText(rsp));
    }

    [Fact]
    public void A_path_with_spaces_is_quoted_as_one_switch()
    {
        var project = Directory.CreateDirectory(dir.File("my repo/src")).FullName;
        var session = new Session(new SessionLocation(dir.File("my repo"), dir.File("my repo/.session-state.json"), false), SessionSettings.Default);
        FullCaptureSetup.Run(session, project, dir.File("my repo/tools/SessionResume.Build.dll"), remove: false);
        var line = File.ReadAllLines(dir.File("my repo/Directory.Build.rsp")).Single(l => l.Contains("-logger:", StringComparison.Ordinal));
        Assert.StartsWith("\"-logger:", line, StringComparison.Ordinal);
        Assert.EndsWith("\"", line, StringComparison.Ordinal);
    }
}
