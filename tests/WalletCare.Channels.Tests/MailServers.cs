using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WalletCare.Channels.Tests;

/// <summary>
/// Real mail servers for the tests: Debian's aiosmtpd (SMTP, each message written to a folder; a file named
/// FAIL in the folder makes it answer 451) and dovecot (IMAP, private config). Missing binaries: "SKIPPED: reason".
/// </summary>
internal static class MailServers
{
    public const string SystemPython = "/usr/bin/python3";

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public static bool HasAiosmtpd()
    {
        if (!File.Exists(SystemPython)) return false;
        using var p = Process.Start(new ProcessStartInfo(SystemPython, "-c \"import aiosmtpd\"") { RedirectStandardError = true })!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    public static bool HasDovecot() => File.Exists("/usr/sbin/dovecot") && File.Exists("/usr/bin/doveadm");

    private const string SinkScript = """
        import os, sys, uuid, threading
        from aiosmtpd.controller import Controller
        out, port = sys.argv[1], int(sys.argv[2])
        class Sink:
            async def handle_DATA(self, server, session, envelope):
                if os.path.exists(os.path.join(out, 'FAIL')):
                    return '451 4.3.0 try again later'
                name = uuid.uuid4().hex
                tmp = os.path.join(out, name + '.tmp')
                with open(tmp, 'wb') as f:
                    f.write(envelope.original_content or envelope.content)
                os.rename(tmp, os.path.join(out, name + '.eml'))
                return '250 OK'
        c = Controller(Sink(), hostname='127.0.0.1', port=port)
        c.start()
        print('READY', flush=True)
        threading.Event().wait()
        """;

    public sealed class Smtp : IDisposable
    {
        public int Port { get; }
        public string Folder { get; }
        private readonly Process _process;

        public Smtp()
        {
            Folder = Directory.CreateTempSubdirectory("wc-smtp-").FullName;
            var script = Folder + "-sink.py";
            File.WriteAllText(script, SinkScript);
            Port = FreePort();
            _process = Process.Start(new ProcessStartInfo(SystemPython, [script, Folder, Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var ready = _process.StandardOutput.ReadLineAsync();
            if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "READY") throw new InvalidOperationException("aiosmtpd did not start: " + _process.StandardError.ReadToEnd());
        }

        public string[] Messages() => Directory.GetFiles(Folder, "*.eml");
        public bool Failing { set { var f = Path.Combine(Folder, "FAIL"); if (value) File.WriteAllText(f, ""); else File.Delete(f); } }

        public void Dispose()
        {
            try { _process.Kill(true); _process.WaitForExit(5000); } catch (InvalidOperationException) { }
            _process.Dispose();
            try { Directory.Delete(Folder, true); File.Delete(Folder + "-sink.py"); } catch (IOException) { }
        }
    }

    public sealed class Imap : IDisposable
    {
        public int Port { get; }
        public string Dir { get; }
        public const string User = "support@walletcare.local";
        public const string Password = "imap-test-secret";
        private readonly string _conf;

        public Imap()
        {
            Dir = Directory.CreateTempSubdirectory("wc-imap-").FullName;
            Port = FreePort();
            foreach (var d in new[] { "run", "state", "mail" }) Directory.CreateDirectory(Path.Combine(Dir, d));
            for (var d = new DirectoryInfo(Dir); d is not null && d.FullName != "/"; d = d.Parent)
                File.SetUnixFileMode(d.FullName, File.GetUnixFileMode(d.FullName) | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.WriteAllText(Path.Combine(Dir, "users"), $"{User}:{{PLAIN}}{Password}\n");
            _conf = Path.Combine(Dir, "dovecot.conf");
            File.WriteAllText(_conf, $$"""
                protocols = imap
                listen = 127.0.0.1
                base_dir = {{Dir}}/run
                state_dir = {{Dir}}/state
                log_path = {{Dir}}/dovecot.log
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                mail_location = maildir:{{Dir}}/mail/%u
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%u {{Dir}}/users
                }
                userdb {
                  driver = static
                  args = uid=mail gid=mail home={{Dir}}/mail/%u
                }
                service imap-login {
                  inet_listener imap {
                    port = {{Port}}
                  }
                }
                first_valid_uid = 8
                default_internal_user = dovecot
                default_login_user = dovenull
                """);
            Run("/bin/chown", "-R", "mail:mail", Path.Combine(Dir, "mail"));
            Run("/usr/sbin/dovecot", "-c", _conf);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                try { using var c = new TcpClient("127.0.0.1", Port); break; }
                catch (SocketException) when (DateTime.UtcNow < deadline) { Thread.Yield(); }
            }
        }

        public void Dispose()
        {
            try { Run("/usr/bin/doveadm", "-c", _conf, "stop"); } catch (InvalidOperationException) { }
            try { Directory.Delete(Dir, true); } catch (IOException) { }
        }

        private static void Run(string file, params string[] args)
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException(file + " failed: " + p.StandardError.ReadToEnd());
        }
    }
}
