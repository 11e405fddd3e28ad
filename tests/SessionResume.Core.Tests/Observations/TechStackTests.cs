using SessionResume.Observations;

namespace SessionResume.Tests.Observations;

public class TechStackTests
{
    [Fact]
    public void Languages_then_frameworks_then_packages_whatever_order_the_builds_came_in()
    {
        string[] arrived = ["xunit", "net8.0", "Humanizer", "C#", "netstandard2.0", "net10.0"];
        var expected = new[] { "C#", "net10.0", "net8.0", "netstandard2.0", "Humanizer", "xunit" };
        Assert.Equal(expected, TechStack.Ordered(arrived));
        Assert.Equal(expected, TechStack.Ordered(arrived.Reverse()));
    }
}
