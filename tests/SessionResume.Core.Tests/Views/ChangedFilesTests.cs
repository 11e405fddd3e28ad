using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Tests.Infrastructure;
using SessionResume.Views;

namespace SessionResume.Tests.Views;

/// <summary>An entry whose file changed or went away since it was recorded is flagged; an unchanged one is not.</summary>
public sealed class ChangedFilesTests : IDisposable
{
    readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Changed_deleted_and_unchanged_files_of_errors_and_failing_tests()
    {
        File.WriteAllText(dir.File("A.cs"), "class A { int x = \"a\"; }");
        File.WriteAllText(dir.File("B.cs"), "class B { }");
        File.WriteAllText(dir.File("T.cs"), "class T { }");
        var state = new SessionState();
        state.Errors.Unresolved.Add(new ErrorEntry { Code = "CS0029", File = "A.cs", Line = 1, FileHash = FileHash.Of(dir.Path, "A.cs") });
        state.Errors.Unresolved.Add(new ErrorEntry { Code = "CS0103", File = "B.cs", Line = 1, FileHash = FileHash.Of(dir.Path, "B.cs") });
        state.Errors.Unresolved.Add(new ErrorEntry { Code = "CS0246", File = "C.cs", Line = 2, FileHash = "0123456789abcdef" });
        state.Tests.Failures.Add(new TestFailure { Name = "T.Adds", File = "T.cs", Line = 7, FileHash = FileHash.Of(dir.Path, "T.cs") });
        Assert.Equal(["⚠ CS0246 in C.cs line 2 (file deleted since)"], ChangedFiles.Lines(state, dir.Path));

        File.AppendAllText(dir.File("A.cs"), "\n");
        File.AppendAllText(dir.File("T.cs"), "\n");
        Assert.Equal(
            [
                "⚠ CS0029 in A.cs line 1 (file changed since: may be fixed)",
                "⚠ CS0246 in C.cs line 2 (file deleted since)",
                "⚠ failing test T.Adds in T.cs line 7 (file changed since: may be fixed)",
            ],
            ChangedFiles.Lines(state, dir.Path));
        Assert.Empty(ChangedFiles.Lines(state, root: null));
    }
}
