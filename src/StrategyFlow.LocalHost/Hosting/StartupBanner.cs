namespace StrategyFlow.LocalHost.Hosting;

/// <summary>What a newcomer needs once the host listens. The ops key is shown only when it is the public default.</summary>
public static partial class StartupBanner
{
    public static void Log(ILogger logger, LocalContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        LogUrls(logger, contract.BaseUrlText, contract.DataDirectory);
        if (contract.OpsKeyIsDefault)
        {
            LogDefaultOpsKey(logger, LocalContract.DefaultOpsKey);
        }
        else
        {
            LogOwnOpsKey(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "StrategyFlow API {Url}/api, mailbox {Url}/dev/mailbox, data in {DataDirectory}")]
    static partial void LogUrls(ILogger logger, string url, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ops key: {OpsKey} (the development default; set STRATEGYFLOW_OPS_KEY to choose one)")]
    static partial void LogDefaultOpsKey(ILogger logger, string opsKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ops key: from STRATEGYFLOW_OPS_KEY")]
    static partial void LogOwnOpsKey(ILogger logger);
}
