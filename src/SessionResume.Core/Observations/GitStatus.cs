
namespace SessionResume.Observations;

/// <summary>What git reports as changed in the working tree, as session paths (root-relative, '/'), each list sorted ordinally.</summary>
public sealed record GitStatus(IReadOnlyList<string> Created, IReadOnlyList<string> Modified, IReadOnlyList<string> Deleted)
{
    public static GitStatus Empty { get; } = new([], [], []);
}
