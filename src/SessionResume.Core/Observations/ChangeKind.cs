
namespace SessionResume.Observations;

/// <summary>Which list of the state's <c>files</c> section a path belongs in.</summary>
internal enum ChangeKind { Created, Modified, Deleted }
