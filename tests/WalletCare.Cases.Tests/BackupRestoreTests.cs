using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WalletCare.Platform.Modules;
using WalletCare.Testing;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>Issue #9: a backup must carry the evidence, and a restore must prove it put back the same bytes.</summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\n% 银行回单 receipt 2026-11-24\ntrailer <<>>\n%%EOF\n");
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("wc-backup-test-");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        try { _work.Delete(recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Backup_then_restore_into_a_fresh_data_directory_serves_every_evidence_file_byte_for_byte()
    {
        var archive = Path.Combine(_work.FullName, "wc.tar.gz");
        var (id, originals) = await FileWithEvidenceAsync(archive, remove: null);

        var target = Path.Combine(_work.FullName, "restored");
        var (code, text) = await RestoreAsync(target, archive);
        Assert.True(code == 0, text);
        Assert.Single(Directory.GetDirectories(target, "pre-restore-*"));
        Assert.Empty(Directory.GetDirectories(target, ".restore-*"));

        await using var restored = new WalletCareFactory(demo: false, dataDirectory: target);
        var customer = await restored.ClientForAsync("13800000001");
        var complaint = await (await customer.GetAsync($"/api/v1/complaints/{id}")).ExpectAsync(200);
        Assert.Equal(originals.Count, complaint.GetProperty("attachments").GetArrayLength());
        foreach (var (attachmentId, bytes) in originals)
            Assert.Equal(bytes, await (await customer.GetAsync($"/api/v1/complaints/{id}/attachments/{attachmentId}")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_missing_evidence_file_is_a_coded_410_and_makes_backup_and_restore_fail_without_touching_the_target()
    {
        var archive = Path.Combine(_work.FullName, "wc.tar.gz");
        var (_, _) = await FileWithEvidenceAsync(archive, remove: "image/jpeg");

        var target = Path.Combine(_work.FullName, "restored");
        var (code, text) = await RestoreAsync(target, archive);
        Assert.Equal(1, code);
        Assert.Matches("MISSING  attachments/[0-9a-f]{2}/[0-9a-f]{64} \\(recorded in the database", text);
        Assert.Contains("nothing restored", text);
        Assert.Empty(Directory.GetDirectories(target, "pre-restore-*"));
        Assert.Empty(Directory.GetDirectories(target, ".restore-*"));
    }

    [Fact]
    public async Task Restore_refuses_an_archive_whose_evidence_bytes_differ_from_the_manifest()
    {
        var archive = Path.Combine(_work.FullName, "wc.tar.gz");
        await FileWithEvidenceAsync(archive, remove: null);
        var tampered = Path.Combine(_work.FullName, "tampered.tar.gz");
        await RewriteAsync(archive, tampered, e => e.Name.EndsWith(Sha(Pdf), StringComparison.Ordinal) ? Encoding.ASCII.GetBytes("%PDF-1.4 forged") : null);

        var target = Path.Combine(_work.FullName, "restored");
        var (code, text) = await RestoreAsync(target, tampered);
        Assert.Equal(1, code);
        Assert.Contains($"MISMATCH attachments/{Sha(Pdf)[..2]}/{Sha(Pdf)}: manifest records sha256 {Sha(Pdf)}", text);
        Assert.Contains($"MISMATCH attachments/{Sha(Pdf)[..2]}/{Sha(Pdf)}: database records", text);
        Assert.Empty(Directory.GetDirectories(target, "pre-restore-*"));
    }

    [Fact]
    public async Task On_postgres_the_archive_holds_evidence_only_and_restore_checks_it_against_the_live_rows()
    {
        await using var source = WalletCareFactory.Create(Db.Postgres);
        var archive = Path.Combine(_work.FullName, "wc.tar.gz");
        var (id, originals) = await FileWithEvidenceAsync(source, archive, remove: null);
        await using (var gz = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
        await using (var tar = new TarReader(gz))
        {
            var names = new List<string>();
            while (await tar.GetNextEntryAsync(cancellationToken: TestContext.Current.CancellationToken) is { } e) names.Add(e.Name);
            Assert.DoesNotContain("database/walletcare.db", names);
            Assert.Contains("manifest.json", names);
            Assert.Equal(originals.Count, names.Count(n => n.StartsWith("attachments/", StringComparison.Ordinal)));
        }

        // Same database (as after pg_restore), new data directory: the evidence comes back from the archive.
        var target = Path.Combine(_work.FullName, "restored");
        await using var node = new WalletCareFactory(Db.Postgres, demo: false, dataDirectory: Directory.CreateDirectory(target).FullName,
            connectionString: source.ConnectionString);
        var (code, text) = await RunAsync(node, "restore", archive);
        Assert.True(code == 0, text);
        Assert.Contains("pg_dump", text);
        var customer = await node.ClientForAsync("13800000001");
        foreach (var (attachmentId, bytes) in originals)
            Assert.Equal(bytes, await (await customer.GetAsync($"/api/v1/complaints/{id}/attachments/{attachmentId}")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Downloading_altered_evidence_is_a_coded_410_in_the_requested_language()
    {
        await using var f = new WalletCareFactory();
        var customer = await f.ClientForAsync("13800000001", language: "en-US");
        var id = (await customer.FileAsync()).Id();
        var a = await (await customer.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File(Pdf, "receipt.pdf", "application/pdf"))).ExpectAsync(201);
        await File.WriteAllBytesAsync(EvidencePath(f, Sha(Pdf)), Encoding.ASCII.GetBytes("%PDF-1.4 forged"));
        var problem = await (await customer.GetAsync($"/api/v1/complaints/{id}/attachments/{a.Id()}")).ExpectAsync(410, "EVIDENCE_FILE_CORRUPT");
        Assert.Equal("Evidence file damaged", problem.GetProperty("title").GetString());
    }

    /// <summary>
    /// As demo customer 13800000001: a complaint with a JPEG and a PDF, each downloaded once (the JPEG is stored
    /// without its EXIF, so the stored bytes are what a restore must give back); optionally one file is then
    /// deleted from disk. Then `backup`. Returns the case id and attachment id → stored bytes.
    /// </summary>
    private static async Task<(string Id, Dictionary<string, byte[]> Stored)> FileWithEvidenceAsync(string archive, string? remove)
    {
        await using var f = new WalletCareFactory();
        return await FileWithEvidenceAsync(f, archive, remove);
    }

    private static async Task<(string Id, Dictionary<string, byte[]> Stored)> FileWithEvidenceAsync(WalletCareFactory f, string archive, string? remove)
    {
        var customer = await f.ClientForAsync("13800000001");
        var id = (await customer.FileAsync()).Id();
        var stored = new Dictionary<string, byte[]>();
        foreach (var (bytes, name, type) in new[] { (TestImages.JpegWithGps(), "photo.jpg", "image/jpeg"), (Pdf, "回单.pdf", "application/pdf") })
        {
            var a = await (await customer.PostAsync($"/api/v1/complaints/{id}/attachments", CaseTestKit.File(bytes, name, type))).ExpectAsync(201);
            var back = await (await customer.GetAsync($"/api/v1/complaints/{id}/attachments/{a.Id()}")).Content.ReadAsByteArrayAsync();
            Assert.Equal(a.GetProperty("sha256").GetString(), Sha(back));
            stored[a.Id()] = back;
            if (type != remove) continue;
            File.Delete(EvidencePath(f, Sha(back)));
            await (await customer.GetAsync($"/api/v1/complaints/{id}/attachments/{a.Id()}")).ExpectAsync(410, "EVIDENCE_FILE_MISSING");
        }
        var (code, text) = await RunAsync(f, "backup", archive);
        Assert.True(code == (remove is null ? 0 : 1), text);
        Assert.True(File.Exists(archive), text);
        return (id, stored);
    }

    /// <summary>A fresh data directory with an empty migrated database (what a new server has), then `restore` into it.</summary>
    private static async Task<(int Code, string Output)> RestoreAsync(string target, string archive)
    {
        Directory.CreateDirectory(target);
        await using var f = new WalletCareFactory(demo: false, dataDirectory: target);
        _ = f.Services; // starts the host: migrations create the empty database
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // checkpoint, so the file on disk is the whole database
        var before = Sha(await File.ReadAllBytesAsync(Path.Combine(target, "walletcare.db")));
        var result = await RunAsync(f, "restore", archive);
        if (result.Code != 0) Assert.Equal(before, Sha(await File.ReadAllBytesAsync(Path.Combine(target, "walletcare.db"))));
        return result;
    }

    /// <summary>Runs a CLI verb the way the executable does, resolved from the server's own services.</summary>
    private static async Task<(int Code, string Output)> RunAsync(WalletCareFactory f, string verb, params string[] args)
    {
        using var scope = f.Services.CreateScope();
        var v = scope.ServiceProvider.GetServices<ICliVerb>().Single(x => x.Name == verb);
        var output = new StringWriter();
        var code = await v.RunAsync(args, output, TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }

    private static async Task RewriteAsync(string from, string to, Func<TarEntry, byte[]?> replace)
    {
        await using (var input = new TarReader(new GZipStream(File.OpenRead(from), CompressionMode.Decompress)))
        await using (var output = new TarWriter(new GZipStream(File.Create(to), CompressionLevel.Fastest), TarEntryFormat.Pax))
        {
            while (await input.GetNextEntryAsync(copyData: true) is { } e)
            {
                if (replace(e) is { } bytes) e.DataStream = new MemoryStream(bytes);
                await output.WriteEntryAsync(e);
            }
        }
    }

    private static string EvidencePath(WalletCareFactory f, string sha) => Path.Combine(f.DataDirectory, "attachments", sha[..2], sha);

    private static string Sha(byte[] b) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b));
}
