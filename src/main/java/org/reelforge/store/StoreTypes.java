package org.reelforge.store;

import java.lang.reflect.Type;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.BilledOperation;
import org.reelforge.video.BillingUnit;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.CompletedStep;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.ErrorKind;
import org.reelforge.video.EventType;
import org.reelforge.video.Step;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoStatus;

/**
 * How our types meet the columns, registered once on the {@link Jdbi}: ids as their text, instants as epoch millis
 * (portable between SQLite and PostgreSQL), enums as their lower-case wire names.
 */
final class StoreTypes {
    private StoreTypes() {
    }

    static Jdbi register(Jdbi jdbi) {
        jdbi.registerArgument(new StringArgument<>(VideoId.class, VideoId::value));
        jdbi.registerColumnMapper(VideoId.class, (rs, col, ctx) -> {
            String v = rs.getString(col);
            return v == null ? null : new VideoId(v);
        });
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.BIGINT) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> {
            long v = rs.getLong(col);
            return rs.wasNull() ? null : Instant.ofEpochMilli(v);
        });
        wireEnum(jdbi, VideoStatus.class, VideoStatus::wireName, VideoStatus::fromWire);
        wireEnum(jdbi, CompletedStep.class, CompletedStep::wireName, CompletedStep::fromWire);
        wireEnum(jdbi, Step.class, Step::wireName, s -> Step.valueOf(s.toUpperCase(java.util.Locale.ROOT)));
        wireEnum(jdbi, ErrorCategory.class, ErrorCategory::wireName, ErrorCategory::fromWire);
        wireEnum(jdbi, ErrorKind.class, ErrorKind::wireName, ErrorKind::fromWire);
        wireEnum(jdbi, ClipStatus.class, ClipStatus::wireName, ClipStatus::fromWire);
        wireEnum(jdbi, EventType.class, EventType::wireName, EventType::fromWire);
        wireEnum(jdbi, BilledOperation.class, BilledOperation::wireName, BilledOperation::fromWire);
        wireEnum(jdbi, BillingUnit.class, BillingUnit::wireName, BillingUnit::fromWire);
        wireEnum(jdbi, AssemblyTracking.Status.class, AssemblyTracking.Status::wireName, AssemblyTracking.Status::fromWire);
        return jdbi;
    }

    private static <E extends Enum<E>> void wireEnum(Jdbi jdbi, Class<E> type, Function<E, String> write,
                                                     Function<String, E> read) {
        jdbi.registerArgument(new StringArgument<>(type, write));
        jdbi.registerColumnMapper(type, (ColumnMapper<E>) (rs, col, ctx) -> {
            String v = rs.getString(col);
            return v == null ? null : read.apply(v);
        });
    }

    /** Binds a value of {@code type} as text. */
    private static final class StringArgument<T> implements ArgumentFactory {
        private final Class<T> type;
        private final Function<T, String> write;

        StringArgument(Class<T> type, Function<T, String> write) {
            this.type = type;
            this.write = write;
        }

        @Override
        public Optional<Argument> build(Type expected, Object value, ConfigRegistry config) {
            boolean ours = value != null ? type.isInstance(value) : expected == type;
            if (!ours) {
                return Optional.empty();
            }
            String text = value == null ? null : write.apply(type.cast(value));
            return Optional.of((position, statement, ctx) -> {
                if (text == null) {
                    statement.setNull(position, Types.VARCHAR);
                } else {
                    statement.setString(position, text);
                }
            });
        }
    }
}
