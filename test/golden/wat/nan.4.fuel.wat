(module
  (type (;0;) (func (param f64 f32) (result f64)))
  (type (;1;) (func (param i32)))
  (import "__backproof" "out_of_fuel" (func (;0;) (type 1)))
  (import "__backproof" "stack_exhausted" (func (;1;) (type 1)))
  (global (;0;) (mut i64) i64.const 0)
  (global (;1;) (mut i32) i32.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (global (;3;) (mut i64) i64.const 0)
  (global (;4;) (mut i64) i64.const 0)
  (export "f" (func 2))
  (export "__bp_fuel" (global 0))
  (export "__bp_bulk" (global 3))
  (export "__bp_depth" (global 2))
  (export "__bp_reserve" (global 4))
  (func (;2;) (type 0) (param f64 f32) (result f64)
    (local i32 i32 i32 i64 f32 f64)
    global.get 2
    i32.const 1
    i32.add
    global.set 2
    global.get 2
    i32.const 64
    i32.gt_u
    if ;; label = @1
      i32.const 0
      call 1
    end
    block (result f64) ;; label = @1
      global.get 0
      i64.const 9
      i64.sub
      global.set 0
      global.get 0
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 1
        call 0
      end
      local.get 0
      f64.sqrt
      local.tee 7
      f64.const nan (;=NaN;)
      local.get 7
      local.get 7
      f64.eq
      select
      local.get 1
      local.get 1
      f32.div
      local.tee 6
      f32.const nan (;=NaN;)
      local.get 6
      local.get 6
      f32.eq
      select
      f64.promote_f32
      local.tee 7
      f64.const nan (;=NaN;)
      local.get 7
      local.get 7
      f64.eq
      select
      f64.add
      local.tee 7
      f64.const nan (;=NaN;)
      local.get 7
      local.get 7
      f64.eq
      select
      f64.neg
    end
    global.get 2
    i32.const 1
    i32.sub
    global.set 2
  )
)
