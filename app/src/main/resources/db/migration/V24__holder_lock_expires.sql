-- A family account's login locked after wrong codes is unlocked by itself, after a lock that grows with each new
-- failure (15 min, 1 h, 4 h, then a day at most: rentree.activation.lock-*): guessing stays out of reach, and a prank
-- that locks a school's predictable logins costs its families minutes, not the days until a director unlocks them.
-- The school's list shows the lock while it lasts (locked_until), and the director may still lift it.
alter table account
    add column locked_until datetime(6) null after locked_at;

-- the logins locked "until the school unlocks them" before: their first lock, counted from their last failure
update holder_guard
set locked_until = last_failure_at + interval 15 minute
where kind = 'LOGIN' and locked_until >= '9999-01-01';

update account a
    join holder_guard g on g.kind = 'LOGIN' and g.guard_key = a.login
set a.locked_until = g.locked_until
where a.locked_at is not null;
