using System.Net;
using SendGrid.Helpers.Mail;
using StrategyFlow.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StrategyFlow.EndToEnd.Tests.Mailbox;

[Collection(LocalRuntimeCollection.Name)]
public sealed class MailboxDurabilityTests(LocalRuntimeFixture runtime, ITestOutputHelper output)
{
    private readonly DevMailbox _mailbox = new(runtime);

    [Fact]
    public async Task AcknowledgedMessage_SurvivesKill9AndRestart()
    {
        var to = DevMailbox.NewRecipient();
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress("strategyflow@localhost.test"), new EmailAddress(to), "Muistutus", "t",
            $"<a href=\"{runtime.BaseUrlText}/api/health\">Avaa</a>");
        Assert.Equal(HttpStatusCode.Accepted, (await _mailbox.SendGrid().SendEmailAsync(message)).StatusCode);
        var before = Assert.Single(await _mailbox.ListAsync(to));

        runtime.Kill();
        await runtime.RestartAsync();
        output.WriteLine($"Start to ready after kill -9: {runtime.Host.LastStartToReady.TotalMilliseconds:0} ms");

        var after = Assert.Single(await _mailbox.ListAsync(to));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.Links, after.Links);
        Assert.Equal("Muistutus", (await _mailbox.GetAsync(after.Id)).Subject);
    }
}
