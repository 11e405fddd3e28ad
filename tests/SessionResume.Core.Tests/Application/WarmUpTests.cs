using SessionResume.Application;

namespace SessionResume.Tests.Application;

public class WarmUpTests
{
    /// <summary>It runs during the user's tests and the recording waits for it: it must finish, and without a fault.</summary>
    [Fact]
    public async Task The_warm_up_completes()
    {
        var warmUp = WarmUp.Start();
        Assert.Same(warmUp, await Task.WhenAny(warmUp, Task.Delay(TimeSpan.FromMinutes(1))));
        Assert.True(warmUp.IsCompletedSuccessfully);
    }
}
