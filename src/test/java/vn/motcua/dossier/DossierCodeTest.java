package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;

/** Mã hồ sơ: &lt;unit&gt;-&lt;YYMMDD&gt;-&lt;NNNN&gt;, unique and sequential per unit and day, whatever the concurrency. */
@MotCuaTest
class DossierCodeTest {
    @Autowired DossierService dossiers;
    @Autowired TestUsers users;
    @Autowired PlatformTransactionManager transactionManager;
    TransactionTemplate transactions;

    @BeforeEach
    void transactions() {
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void theCodeIsTheUnitTheReceiptDayAndAFourDigitSequence() {
        assertThat(DossierCode.of("000.00.15.H33", LocalDate.of(2026, 11, 27), 1)).isEqualTo("000.00.15.H33-261127-0001");
        assertThat(DossierCode.of("000.01.15.H33", LocalDate.of(2027, 1, 5), 42)).isEqualTo("000.01.15.H33-270105-0042");
        assertThat(DossierCode.isValid("000.01.15.H33-270105-0042")).isTrue();
        assertThat(DossierCode.isValid("000.01.15.H33-2701050-042")).isFalse();
        assertThatThrownBy(() -> DossierCode.of("000.01.15.H33", LocalDate.of(2027, 1, 5), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesOfUnitsWithAThreeDigitSegmentAreValidAndParseBack() {
        // QCVN 102:2016 identifiers may have a three-digit Y segment (000.00.101.H05); Circular 03/2025/TT-VPCP.
        String code = DossierCode.of("000.00.101.H05", LocalDate.of(2027, 11, 24), 7);
        assertThat(code).isEqualTo("000.00.101.H05-271124-0007");
        assertThat(DossierCode.isValid(code)).isTrue();
        assertThat(DossierCode.parse(code)).contains(
                new DossierCode.Parts("000.00.101.H05", LocalDate.of(2027, 11, 24), 7));
        assertThat(DossierCode.parse("000.01.15.H33-270105-10000")).contains(
                new DossierCode.Parts("000.01.15.H33", LocalDate.of(2027, 1, 5), 10000));
        assertThat(DossierCode.isValid("000.00.1011.H05-271124-0007")).as("four digits").isFalse();
        assertThat(DossierCode.isValid("000.00.1.H05-271124-0007")).as("one digit").isFalse();
        assertThat(DossierCode.isValid("000.00.101.H05-270231-0001")).as("31 February").isFalse();
        assertThat(DossierCode.isValid("000.00.101.H05-271124-0000")).as("sequence 0").isFalse();
        assertThat(DossierCode.isValid(null)).isFalse();
    }

    @Test
    void twoHundredParallelReceiptsGetTwoHundredDistinctConsecutiveCodes() throws Exception {
        ConcurrentReceipts.assertDistinctConsecutiveCodes(dossiers, users, 200);
    }

    @Test
    void aUnitsReceiptRunsWhileAnotherReceiptOfTheSameUnitIsStillInItsTransaction() throws Exception {
        // The counter is locked only for the moment of the allocation, not for the receipt's whole transaction
        // (process start included): a second clerk of the ward is not kept waiting by the first one's receipt.
        var firstReceived = new CountDownLatch(1);
        var secondDone = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> {
                users.signInAs("clerk");
                try {
                    return transactions.execute(tx -> {
                        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
                        firstReceived.countDown();
                        try {
                            // the first receipt's transaction stays open until the second one has committed
                            assertThat(secondDone.await(30, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return code;
                    });
                } finally {
                    users.signOut();
                }
            });
            assertThat(firstReceived.await(30, TimeUnit.SECONDS)).isTrue();
            users.signInAs("clerk");
            long started = System.nanoTime();
            String second = dossiers.receive(BirthRegistrationSample.inPerson()).code();
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            secondDone.countDown();
            String firstCode = first.get(30, TimeUnit.SECONDS);
            assertThat(number(second)).isEqualTo(number(firstCode) + 1);
            // not held behind the first transaction's lock (H2 would give up after 20 s, PostgreSQL wait for ever)
            assertThat(waitedMillis).as("ms the second receipt took").isLessThan(15_000);
            assertThat(dossiers.get(firstCode).status()).isEqualTo(DossierStatus.IN_PROCESS);
        } finally {
            users.signOut();
            pool.shutdownNow();
        }
    }

    @Test
    void aReceiptThatRollsBackGivesItsNumberToTheNextReceiptSoNoCodeIsSkipped() {
        users.signInAs("clerk");
        try {
            String before = dossiers.receive(BirthRegistrationSample.inPerson()).code();
            String rolledBack = transactions.execute(tx -> {
                String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
                tx.setRollbackOnly();
                return code;
            });
            assertThat(number(rolledBack)).isEqualTo(number(before) + 1);
            assertThatThrownBy(() -> dossiers.get(rolledBack)).as("nothing of the rolled-back receipt is kept")
                    .isInstanceOf(vn.motcua.shared.NotFoundException.class);
            String next = dossiers.receive(BirthRegistrationSample.inPerson()).code();
            assertThat(next).as("the number given back is taken by the next receipt").isEqualTo(rolledBack);
            assertThat(number(dossiers.receive(BirthRegistrationSample.inPerson()).code())).isEqualTo(number(next) + 1);
        } finally {
            users.signOut();
        }
    }

    @Test
    void parallelReceiptsSomeRolledBackLeaveGapsThatTheNextReceiptsFillExactly() throws Exception {
        users.signInAs("clerk");
        String start = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        users.signOut();
        var pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<String>> receipts = IntStream.range(0, 60).<Callable<String>>mapToObj(i -> () -> {
                users.signInAs("clerk");
                try {
                    return transactions.execute(tx -> {
                        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
                        if (i % 3 == 0) tx.setRollbackOnly();
                        return i % 3 == 0 ? null : code;
                    });
                } finally {
                    users.signOut();
                }
            }).toList();
            Set<Integer> kept = new TreeSet<>();
            for (Future<String> f : pool.invokeAll(receipts)) {
                String code = f.get();
                if (code != null && sameDay(code, start)) assertThat(kept.add(number(code))).as("no duplicate").isTrue();
            }
            kept.add(number(start));
            int highest = ((TreeSet<Integer>) kept).last();
            int gaps = highest - number(start) + 1 - kept.size();
            assertThat(gaps).as("numbers of rolled-back receipts not yet taken again").isBetween(0, 20);
            users.signInAs("clerk");
            for (int i = 0; i < gaps; i++) {
                String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
                if (sameDay(code, start)) assertThat(kept.add(number(code))).as("no duplicate").isTrue();
            }
            users.signOut();
            assertThat(kept).as("every number from the first to the highest, once")
                    .containsExactlyElementsOf(IntStream.rangeClosed(number(start), highest).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int number(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    }

    private static boolean sameDay(String code, String other) {
        return code.substring(0, code.lastIndexOf('-')).equals(other.substring(0, other.lastIndexOf('-')));
    }
}
