using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>What a list editor may offer as choices: the answer being edited and what earlier stages approved.</summary>
internal sealed record EditorScope(StageAnswer Answer, StrategyContext Context, Language Language);
