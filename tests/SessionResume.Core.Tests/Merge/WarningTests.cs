using SessionResume.Tests.Support;
using static SessionResume.Tests.Support.BuildFixture;

namespace SessionResume.Tests.Merge;

public class WarningTests
{
    [Fact]
    public void Warnings_are_counted_per_code_and_their_entries_capped()
    {
        var f = new BuildFixture();
        var warnings = Enumerable.Range(1, 60).Select(i => Warning("CS0168", $"src/App/F{i:00}.cs", 3, "The variable 'e' is declared but never used"))
            .Append(Warning("CS8618", "src/App/M.cs", 1, "Non-nullable property 'Name' must contain a non-null value when exiting constructor."))
            .ToArray();
        f.Build(warnings);

        Assert.Equal(61, f.State.Warnings.Total);
        Assert.Equal(60, f.State.Warnings.ByCode["CS0168"]);
        Assert.Equal(1, f.State.Warnings.ByCode["CS8618"]);
        Assert.Equal(SessionResume.Merge.BuildMerge.MaxWarningEntriesPerProject, f.State.Warnings.Entries.Count);
        Assert.Equal(61 - SessionResume.Merge.BuildMerge.MaxWarningEntriesPerProject, f.State.Warnings.Omitted);
    }

    [Fact]
    public void A_projects_build_replaces_only_its_own_warning_counts()
    {
        var f = new BuildFixture();
        f.Build("net10.0", ["net10.0"], "src/A/A.csproj", true, Warning("CS0168", "src/A/X.cs", 1, "The variable 'e' is declared but never used"));
        f.Build("net10.0", ["net10.0"], "src/B/B.csproj", true, Warning("CS0219", "src/B/Y.cs", 1, "The variable 'x' is assigned but its value is never used"));
        f.Build("net10.0", ["net10.0"], "src/A/A.csproj", true);

        Assert.Equal(1, f.State.Warnings.Total);
        Assert.Equal("CS0219", Assert.Single(f.State.Warnings.ByCode).Key);
        Assert.Equal("src/B/B.csproj", Assert.Single(f.State.Warnings.Entries).Project);
    }

    [Fact]
    public void The_same_warning_from_two_frameworks_counts_once()
    {
        var f = new BuildFixture();
        string[] both = ["net10.0", "net8.0"];
        foreach (var tfm in both) f.Build(tfm, both, Project, true, Warning("CS0168", "src/App/X.cs", 1, "The variable 'e' is declared but never used"));
        Assert.Equal(1, f.State.Warnings.Total);
        Assert.Equal(both, Assert.Single(f.State.Warnings.Entries).TargetFrameworks);
    }
}
