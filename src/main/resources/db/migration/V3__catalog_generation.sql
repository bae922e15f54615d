-- A counter every catalog import raises, so processes that keep the consumer graph in memory
-- know when to read it again.
create table catalog_generation (
    id         integer primary key,
    generation bigint  not null
);
insert into catalog_generation (id, generation) values (1, 0);
