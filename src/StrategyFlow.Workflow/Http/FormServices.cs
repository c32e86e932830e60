using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Storage;


namespace StrategyFlow.Workflow.Http;

/// <summary>What the form handlers need besides the durable client (one DI service for both hosts).</summary>
public sealed class FormServices(
    LinkTokens tokens, StrategyRepository repository, FreshLinks freshLinks, TimeProvider time, IOptions<StrategyFlowOptions> options, ILogger<FormServices> logger)
{
    public LinkTokens Tokens => tokens;

    public FreshLinks FreshLinks => freshLinks;

    public StrategyRepository Repository => repository;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    /// <summary>When a post first reads whether the workflow counted it (<see cref="FormOptions.FirstConfirmationRead"/>).</summary>
    public TimeSpan FirstConfirmationRead => options.Value.Forms.FirstConfirmationRead;
}
