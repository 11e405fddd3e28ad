using SessionResume.Observations;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Observations;

/// <summary>NuGet's record of a project's last restore (obj/project.nuget.cache), as NuGet writes it.</summary>
public sealed class RestoreLogTests : IDisposable
{
    readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    string Project => Path.Combine(dir.Path, "src", "Lib", "Lib.csproj");

    string Record(string json)
    {
        var path = dir.File("project.nuget.cache");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>The shape NuGet 7 wrote for a PackageReference to a package that does not exist (see RestoreErrorTests, e2e).</summary>
    string Failed(string sources = "nuget.org", string level = "Error") => $$"""
        {
          "version": 2, "dgSpecHash": "LHQDrfzsnyU=", "success": false,
          "projectFilePath": "{{Project}}", "expectedPackageFiles": [],
          "logs": [ {
              "code": "NU1101", "level": "{{level}}",
              "message": "Unable to find package Does.Not.Exist. No packages exist with this id in source(s): {{sources}}",
              "projectPath": "{{Project}}", "filePath": "{{Project}}", "libraryId": "Does.Not.Exist",
              "targetGraphs": [ "net10.0", "net8.0/linux-x64" ] } ]
        }
        """;

    [Fact]
    public void A_failed_restore_gives_its_errors_with_code_project_file_and_frameworks()
    {
        var restore = RestoreLog.Read(Record(Failed()), dir.Path, Project);

        Assert.NotNull(restore);
        Assert.False(restore.Succeeded);
        Assert.Equal("src/Lib/Lib.csproj", restore.Project);
        var error = Assert.Single(restore.Errors);
        Assert.Equal(("NU1101", Severity.Error, "src/Lib/Lib.csproj", 0), (error.Code, error.Severity, error.File, error.Line));
        Assert.StartsWith("Unable to find package Does.Not.Exist.", error.Message, StringComparison.Ordinal);
        Assert.Equal(["net10.0", "net8.0"], restore.TargetFrameworks);
        Assert.Equal(SessionResume.Common.Time.Truncate(File.GetLastWriteTimeUtc(dir.File("project.nuget.cache"))), restore.Time);
    }

    [Fact]
    public void The_same_missing_package_is_the_same_error_whatever_sources_were_searched()
    {
        var one = RestoreLog.Read(Record(Failed("nuget.org")), dir.Path, Project)!.Errors[0];
        var other = RestoreLog.Read(Record(Failed("local, nuget.org")), dir.Path, Project)!.Errors[0];
        var different = RestoreLog.Read(Record(Failed().Replace("Does.Not.Exist", "Other.Package", StringComparison.Ordinal)),
            dir.Path, Project)!.Errors[0];

        Assert.Equal(one.Fingerprint, other.Fingerprint);
        Assert.NotEqual(one.Fingerprint, different.Fingerprint);
    }

    [Fact]
    public void A_successful_restore_has_no_errors_and_warnings_are_not_errors()
    {
        var warned = RestoreLog.Read(Record(Failed(level: "Warning").Replace("\"success\": false", "\"success\": true", StringComparison.Ordinal)),
            dir.Path, Project);

        Assert.NotNull(warned);
        Assert.True(warned.Succeeded);
        Assert.Empty(warned.Errors);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("""{ "version": 2, "logs": [] }""")]
    [InlineData("""{ "success": "yes" }""")]
    public void A_record_that_is_not_NuGets_is_no_record(string json) =>
        Assert.Null(RestoreLog.Read(Record(json), dir.Path, Project));

    [Fact]
    public void No_record_is_no_restore_seen() =>
        Assert.Null(RestoreLog.Read(dir.File("missing/project.nuget.cache"), dir.Path, Project));
}
