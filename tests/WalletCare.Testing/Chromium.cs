using Xunit;

namespace WalletCare.Testing;

public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static void RequireOrSkip()
    {
        if (!File.Exists(ExecutablePath))
            Assert.Skip($"SKIPPED: Chromium not found at {ExecutablePath} (apt-get install chromium fonts-noto-cjk); browser tests run in CI.");
    }

    /// <summary>Flags that keep headless Chromium off the closed network and working as root.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];
}
