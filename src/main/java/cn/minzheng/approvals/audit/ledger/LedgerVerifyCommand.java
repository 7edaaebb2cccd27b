package cn.minzheng.approvals.audit.ledger;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The verify command: started with {@code --verify-ledger}, the application checks the whole chain,
 * prints the rows checked and the result, and exits (0 intact, 2 broken) instead of serving.
 * See README, "Audit ledger".
 */
@Component
@Order(Integer.MIN_VALUE)
public class LedgerVerifyCommand implements ApplicationRunner {

  public static final String OPTION = "verify-ledger";

  private final LedgerVerifier verifier;
  private final ConfigurableApplicationContext context;

  public LedgerVerifyCommand(LedgerVerifier verifier, ConfigurableApplicationContext context) {
    this.verifier = verifier;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!args.containsOption(OPTION)) {
      return;
    }
    int code = verifyAndPrint(System.out);
    System.exit(SpringApplication.exit(context, () -> code));
  }

  /** Verifies and prints; answers the exit code. */
  public int verifyAndPrint(PrintStream out) {
    long started = System.nanoTime();
    LedgerVerifier.Result result = verifier.verify();
    long ms = (System.nanoTime() - started) / 1_000_000;
    out.println("ledger verify: checked=" + result.checked() + " ok=" + result.ok()
        + " firstBrokenSeq=" + (result.firstBrokenSeq() == null ? "none" : result.firstBrokenSeq()) + " (" + ms + " ms)");
    out.println(result.ok() ? "账本完整 / ledger intact" : "账本在第 " + result.firstBrokenSeq() + " 行被改动 / ledger broken at seq "
        + result.firstBrokenSeq());
    return result.ok() ? 0 : 2;
  }
}
