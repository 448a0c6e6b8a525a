package dev.phylo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.engine.backtest.BacktestResult;
import dev.phylo.engine.backtest.Trade;
import dev.phylo.engine.metrics.Metrics;
import java.time.Instant;

/**
 * The {@code --json} output of {@code phylo backtest}. Keys are exactly: totalReturn, cagr, sharpe, sortino,
 * maxDrawdown, calmar, tradeCount, winRate, profitFactor, exposure, trades (side, entryTime, entryPrice, exitTime,
 * exitPrice, returnPct, exitReason). Undefined metrics are null; times are ISO-8601 UTC.
 */
final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    static String render(BacktestResult result) throws Exception {
        Metrics m = result.metrics();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("totalReturn", m.totalReturn());
        root.put("cagr", m.cagr());
        root.put("sharpe", m.sharpe());
        root.put("sortino", m.sortino());
        root.put("maxDrawdown", m.maxDrawdown());
        root.put("calmar", m.calmar());
        root.put("tradeCount", m.tradeCount());
        root.put("winRate", m.winRate());
        root.put("profitFactor", m.profitFactor());
        root.put("exposure", m.exposure());
        ArrayNode trades = root.putArray("trades");
        for (Trade t : result.trades()) {
            ObjectNode node = trades.addObject();
            node.put("side", t.sideName());
            node.put("entryTime", Instant.ofEpochMilli(t.entryTime()).toString());
            node.put("entryPrice", t.entryPrice());
            node.put("exitTime", Instant.ofEpochMilli(t.exitTime()).toString());
            node.put("exitPrice", t.exitPrice());
            node.put("returnPct", t.returnPct());
            node.put("exitReason", t.exitReason().id());
        }
        return MAPPER.writeValueAsString(root);
    }
}
